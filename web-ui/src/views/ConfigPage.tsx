import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Config, Profile } from '../api/types';
import { ConfigForm, type EditableConfig } from '../components/ConfigForm';
import { RuleTester } from '../components/RuleTester';
import { WebhookDeliveries } from '../components/WebhookDeliveries';
import { useDashboard } from '../state/DashboardStore';

/** After a refused save, the first bad field is where the eye (and the keyboard) should go. */
function focusFirstError() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  });
}

export function ConfigPage() {
  const { dispatch, reportError } = useDashboard();
  const [config, setConfig] = useState<Config | null>(null);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.config().then(setConfig, (error) => reportError('Loading the configuration failed', error));
    api.profiles().then(setProfiles, (error) => reportError('Loading the profiles failed', error));
  }, [reportError]);

  const apply = async (change: () => Promise<Config>, done: string) => {
    setSaving(true);
    try {
      setConfig(await change());
      setErrors({});
      dispatch({ type: 'toast', level: 'success', message: done });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
        focusFirstError();
      } else {
        reportError('Saving the configuration failed', error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>Configuration</h1>
      </div>
      {config ? (
        <ConfigForm
          config={config}
          profiles={profiles}
          errors={errors}
          saving={saving}
          onSave={(draft: EditableConfig) => apply(() => api.saveConfig(draft), 'Configuration saved and applied.')}
          onReset={() => apply(() => api.resetConfig(), 'Configuration reset to the defaults.')}
        />
      ) : (
        <p className="empty">Loading…</p>
      )}
      <RuleTester />
      <WebhookDeliveries />
    </>
  );
}
