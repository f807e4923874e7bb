import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Config, OnSuccess, Profile } from '../api/types';
import { ConfirmButton } from './ConfirmButton';
import { RulesEditor } from './RulesEditor';
import { NEW_FOLDER, WatchFoldersEditor } from './WatchFoldersEditor';

/** The keys this form edits; others (server, custom profiles) are left as they are by the daemon. */
export type EditableConfig = Pick<
  Config,
  'monitor_folder' | 'output_folder' | 'processed_folder' | 'max_workers' | 'recursive' | 'stable_seconds' | 'scan_interval_seconds' | 'on_success' | 'max_attempts' | 'stall_timeout_seconds' | 'rules' | 'watch_folders'
>;

export function editable(config: Config): EditableConfig {
  const { monitor_folder, output_folder, processed_folder, max_workers, recursive, stable_seconds, scan_interval_seconds, on_success, max_attempts, stall_timeout_seconds, rules } = config;
  const watch_folders = config.watch_folders ?? null;
  return { monitor_folder, output_folder, processed_folder, max_workers, recursive, stable_seconds, scan_interval_seconds, on_success, max_attempts, stall_timeout_seconds, rules: rules ?? [], watch_folders };
}

/**
 * From one folder to a list: the single folder becomes the list's first entry (its other settings stay
 * the shared ones), a new empty entry follows, and monitor_folder goes, since the daemon refuses both.
 */
export function toFolderList(draft: EditableConfig): EditableConfig {
  const first = { ...NEW_FOLDER, path: draft.monitor_folder ?? '' };
  return { ...draft, monitor_folder: null, watch_folders: [first, { ...NEW_FOLDER }] };
}

function Field({ name, label, error, hint, children }: { name: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-field={name}>
      <label htmlFor={`field-${name}`}>{label}</label>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {error && (
        <span id={`${name}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export interface ConfigFormProps {
  config: Config;
  profiles: Profile[];
  errors: Record<string, string>;
  saving?: boolean;
  onSave: (config: EditableConfig) => void;
  onReset: () => void;
}

export function ConfigForm({ config, profiles, errors, saving = false, onSave, onReset }: ConfigFormProps) {
  const [draft, setDraft] = useState<EditableConfig>(() => editable(config));
  useEffect(() => setDraft(editable(config)), [config]);
  const set = <K extends keyof EditableConfig>(key: K, value: EditableConfig[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const text = (key: 'monitor_folder' | 'output_folder' | 'processed_folder') => (
    <input id={`field-${key}`} name={key} value={draft[key] ?? ''} aria-invalid={!!errors[key]} aria-describedby={errors[key] ? `${key}-error` : undefined} onChange={(event) => set(key, event.target.value)} />
  );
  const numeric = (key: 'max_workers' | 'stable_seconds' | 'scan_interval_seconds' | 'max_attempts' | 'stall_timeout_seconds', step: string) => (
    <input
      id={`field-${key}`}
      name={key}
      type="number"
      step={step}
      value={Number.isFinite(draft[key]) ? draft[key] : ''}
      aria-invalid={!!errors[key]}
      aria-describedby={errors[key] ? `${key}-error` : undefined}
      onChange={(event) => set(key, event.target.value === '' ? Number.NaN : Number(event.target.value))}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  const unknownErrors = Object.entries(errors).filter(([key]) => !(key in draft) && !key.startsWith('rules') && !key.startsWith('watch_folders'));
  const folders = draft.watch_folders;

  return (
    <form className="config-form" onSubmit={submit} noValidate>
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          Not saved: fix the fields marked below. Nothing was changed.
        </p>
      )}
      <fieldset>
        <legend>Folders</legend>
        {folders == null && (
          <Field name="monitor_folder" label="Watch folder" error={errors.monitor_folder}>
            {text('monitor_folder')}
            <button type="button" className="several-folders" onClick={() => setDraft((current) => toFolderList(current))}>
              Watch several folders…
            </button>
          </Field>
        )}
        <Field name="output_folder" label={folders == null ? 'Output folder' : 'Shared output folder'} error={errors.output_folder} hint={folders == null ? undefined : 'for folders without their own, and jobs added by hand'}>
          {text('output_folder')}
        </Field>
        <Field name="processed_folder" label="Processed folder" error={errors.processed_folder} hint="where sources go when “after success” is move">
          {text('processed_folder')}
        </Field>
        <Field name="recursive" label="Watch subfolders" error={errors.recursive}>
          <input id="field-recursive" type="checkbox" checked={draft.recursive} onChange={(event) => set('recursive', event.target.checked)} />
        </Field>
        <Field name="on_success" label="After success" error={errors.on_success}>
          <select id="field-on_success" value={draft.on_success} onChange={(event) => set('on_success', event.target.value as OnSuccess)}>
            <option value="keep">keep source</option>
            <option value="move">move to processed folder</option>
            <option value="delete">delete source</option>
          </select>
        </Field>
      </fieldset>
      {folders != null && <WatchFoldersEditor folders={folders} profiles={profiles} errors={errors} onChange={(list) => set('watch_folders', list)} />}
      <fieldset>
        <legend>Processing</legend>
        <Field name="max_workers" label="Parallel jobs" error={errors.max_workers}>
          {numeric('max_workers', '1')}
        </Field>
        <Field name="stable_seconds" label="Stable for (s)" error={errors.stable_seconds} hint="a file must stop growing this long before it is queued">
          {numeric('stable_seconds', '0.1')}
        </Field>
        <Field name="scan_interval_seconds" label="Scan every (s)" error={errors.scan_interval_seconds}>
          {numeric('scan_interval_seconds', '0.1')}
        </Field>
        <Field name="max_attempts" label="Attempts per job" error={errors.max_attempts}>
          {numeric('max_attempts', '1')}
        </Field>
        <Field name="stall_timeout_seconds" label="Stalled after (s)" error={errors.stall_timeout_seconds} hint="ffmpeg without progress this long is stopped and retried">
          {numeric('stall_timeout_seconds', '1')}
        </Field>
      </fieldset>
      <RulesEditor rules={draft.rules} profiles={profiles} errors={errors} legend={folders == null ? undefined : 'Shared rules (first match wins)'} onChange={(rules) => set('rules', rules)} />
      {unknownErrors.map(([key, message]) => (
        <p key={key} className="field-error">
          {key}: {message}
        </p>
      ))}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={() => setDraft(editable(config))} disabled={saving}>
          Discard changes
        </button>
        <ConfirmButton label="Reset to defaults" question="Replace the whole configuration with the defaults?" onConfirm={onReset} />
      </div>
    </form>
  );
}
