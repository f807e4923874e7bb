import type { OnSuccess, PatternType, Profile, Rule } from '../api/types';

const NEW_RULE: Rule = { pattern: '*.mov', pattern_type: 'glob', profile: '', output_pattern: '{stem}.{ext}', priority: 0, on_success: null };

function FieldMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

/**
 * Rules in order (the first match wins); each field shows the daemon's message for rules[i].field, or
 * for {field}[i].field when the rules are a watch folder's own (field "watch_folders[1].rules").
 */
export function RulesEditor({
  rules,
  profiles,
  errors,
  onChange,
  field = 'rules',
  legend = 'Rules (first match wins)',
}: {
  rules: Rule[];
  profiles: Profile[];
  errors: Record<string, string>;
  onChange: (rules: Rule[]) => void;
  field?: string;
  legend?: string;
}) {
  const update = (index: number, patch: Partial<Rule>) => onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const move = (index: number, by: number) => {
    const next = rules.slice();
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule);
    onChange(next);
  };
  const idBase = field.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '');
  const error = (index: number, key: string) => errors[`${field}[${index}].${key}`];

  return (
    <fieldset className="rules">
      <legend>{legend}</legend>
      <FieldMessage id={`${field}-error`} message={errors[field]} />
      {rules.length === 0 && <p className="hint">No rules: every file gets the default profile.</p>}
      {rules.map((rule, index) => (
        <div className="rule card" key={index} data-rule-index={index}>
          <span className="rule-number">{index + 1}</span>
          <label className="field">
            <span>Pattern</span>
            <input value={rule.pattern} aria-invalid={!!error(index, 'pattern')} onChange={(event) => update(index, { pattern: event.target.value })} />
            <FieldMessage id={`${idBase}-${index}-pattern-error`} message={error(index, 'pattern')} />
          </label>
          <label className="field">
            <span>Type</span>
            <select value={rule.pattern_type} onChange={(event) => update(index, { pattern_type: event.target.value as PatternType })}>
              <option value="glob">glob</option>
              <option value="regex">regex</option>
              <option value="exact">exact</option>
            </select>
            <FieldMessage id={`${idBase}-${index}-pattern_type-error`} message={error(index, 'pattern_type')} />
          </label>
          <label className="field">
            <span>Profile</span>
            <select value={rule.profile} aria-invalid={!!error(index, 'profile')} onChange={(event) => update(index, { profile: event.target.value })}>
              <option value="">choose…</option>
              {profiles.map((profile) => (
                <option key={profile.name} value={profile.name} title={profile.description}>
                  {profile.name}
                </option>
              ))}
              {rule.profile && !profiles.some((profile) => profile.name === rule.profile) && <option value={rule.profile}>{rule.profile} (unknown)</option>}
            </select>
            <FieldMessage id={`${idBase}-${index}-profile-error`} message={error(index, 'profile')} />
          </label>
          <label className="field">
            <span>Output name</span>
            <input value={rule.output_pattern} aria-invalid={!!error(index, 'output_pattern')} onChange={(event) => update(index, { output_pattern: event.target.value })} />
            <FieldMessage id={`${idBase}-${index}-output_pattern-error`} message={error(index, 'output_pattern')} />
          </label>
          <label className="field">
            <span>After success</span>
            <select value={rule.on_success ?? ''} onChange={(event) => update(index, { on_success: (event.target.value || null) as OnSuccess | null })}>
              <option value="">global setting</option>
              <option value="keep">keep source</option>
              <option value="move">move to processed</option>
              <option value="delete">delete source</option>
            </select>
          </label>
          <label className="field narrow">
            <span>Priority</span>
            <input type="number" value={rule.priority} onChange={(event) => update(index, { priority: Number(event.target.value) })} />
            <FieldMessage id={`${idBase}-${index}-priority-error`} message={error(index, 'priority')} />
          </label>
          <span className="rule-buttons">
            <button type="button" aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button type="button" aria-label={`Move rule ${index + 1} down`} disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
              ↓
            </button>
            <button type="button" className="danger" aria-label={`Remove rule ${index + 1}`} onClick={() => onChange(rules.filter((_, i) => i !== index))}>
              Remove
            </button>
          </span>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rules, { ...NEW_RULE, profile: profiles[0]?.name ?? '' }])}>
        Add rule
      </button>
    </fieldset>
  );
}
