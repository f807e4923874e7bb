import type { OnSuccess, Profile, Rule, WatchFolder } from '../api/types';
import { RulesEditor } from './RulesEditor';

export const NEW_FOLDER: WatchFolder = {
  path: '',
  output_folder: null,
  rules: null,
  recursive: null,
  stable_seconds: null,
  on_success: null,
  processed_folder: null,
  enabled: null,
};

function Message({ message }: { message?: string }) {
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

/** Blank means "the shared value", which the daemon reads as null. */
const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * The watch_folders list: each folder's path, output and processed folder, switches and rules. A value
 * left blank (or "shared") takes the top-level setting; errors come keyed watch_folders[i].field.
 */
export function WatchFoldersEditor({
  folders,
  profiles,
  errors,
  onChange,
}: {
  folders: WatchFolder[];
  profiles: Profile[];
  errors: Record<string, string>;
  onChange: (folders: WatchFolder[]) => void;
}) {
  const update = (index: number, patch: Partial<WatchFolder>) => onChange(folders.map((folder, i) => (i === index ? { ...folder, ...patch } : folder)));
  const error = (index: number, key: string) => errors[`watch_folders[${index}].${key}`];
  const text = (index: number, key: 'path' | 'output_folder' | 'processed_folder', label: string, hint?: string) => (
    <label className={`field${error(index, key) ? ' has-error' : ''}`} data-field={`watch_folders[${index}].${key}`}>
      <span>{label}</span>
      <input
        value={folders[index][key] ?? ''}
        placeholder={key === 'path' ? '/media/drop/qlab' : 'shared'}
        aria-invalid={!!error(index, key)}
        onChange={(event) => update(index, { [key]: key === 'path' ? event.target.value : orNull(event.target.value) })}
      />
      {hint && <span className="hint">{hint}</span>}
      <Message message={error(index, key)} />
    </label>
  );

  return (
    <fieldset className="watch-folders">
      <legend>Watch folders</legend>
      <Message message={errors['watch_folders']} />
      {folders.length === 0 && <p className="hint">No folders: only jobs added by hand run.</p>}
      {folders.map((folder, index) => (
        <div className="watch-folder card" key={index} data-folder-index={index}>
          {text(index, 'path', 'Folder')}
          {text(index, 'output_folder', 'Output folder', 'blank: the shared output folder')}
          {text(index, 'processed_folder', 'Processed folder', 'blank: the shared one')}
          <label className="field" data-field={`watch_folders[${index}].stable_seconds`}>
            <span>Stable for (s)</span>
            <input
              type="number"
              step="0.1"
              placeholder="shared"
              value={folder.stable_seconds ?? ''}
              aria-invalid={!!error(index, 'stable_seconds')}
              onChange={(event) => update(index, { stable_seconds: event.target.value === '' ? null : Number(event.target.value) })}
            />
            <Message message={error(index, 'stable_seconds')} />
          </label>
          <label className="field">
            <span>Subfolders</span>
            <select value={folder.recursive === null ? '' : String(folder.recursive)} onChange={(event) => update(index, { recursive: event.target.value === '' ? null : event.target.value === 'true' })}>
              <option value="">shared</option>
              <option value="true">watch subfolders</option>
              <option value="false">this folder only</option>
            </select>
          </label>
          <label className="field">
            <span>Source after success</span>
            <select value={folder.on_success ?? ''} onChange={(event) => update(index, { on_success: (event.target.value || null) as OnSuccess | null })}>
              <option value="">shared</option>
              <option value="keep">keep source</option>
              <option value="move">move to processed folder</option>
              <option value="delete">delete source</option>
            </select>
          </label>
          <label className="field checkbox">
            <input type="checkbox" checked={folder.enabled !== false} onChange={(event) => update(index, { enabled: event.target.checked ? null : false })} />
            <span>Watched</span>
          </label>
          <label className="field checkbox">
            <input type="checkbox" checked={folder.rules !== null} onChange={(event) => update(index, { rules: event.target.checked ? ([] as Rule[]) : null })} />
            <span>Own rules (else the shared rules)</span>
          </label>
          {folder.rules !== null && (
            <RulesEditor
              rules={folder.rules}
              profiles={profiles}
              errors={errors}
              field={`watch_folders[${index}].rules`}
              legend="This folder's rules"
              onChange={(rules) => update(index, { rules })}
            />
          )}
          {folder.schedule != null && (
            <p className="hint folder-schedule" data-field={`watch_folders[${index}].schedule`}>
              Has a schedule of its own, set in the config file (its state shows on the overview); saving keeps it.
              <Message message={error(index, 'schedule')} />
            </p>
          )}
          <button type="button" className="remove-folder" onClick={() => onChange(folders.filter((_, i) => i !== index))}>
            Remove folder
          </button>
        </div>
      ))}
      <button type="button" className="add-folder" onClick={() => onChange([...folders, { ...NEW_FOLDER }])}>
        Add watch folder
      </button>
    </fieldset>
  );
}
