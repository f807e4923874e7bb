import { useCallback } from 'react';
import { api } from '../api/client';
import type { Job } from '../api/types';
import type { RowAction } from '../components/JobRow';
import { useDashboard } from '../state/DashboardStore';

/** Runs a row action against the daemon; the result arrives as a job_update, failures as a toast. */
export function useJobActions(afterDelete?: (job: Job) => void) {
  const { dispatch, reportError } = useDashboard();
  return useCallback(
    async (job: Job, action: RowAction) => {
      try {
        if (action === 'delete') {
          await api.deleteJob(job.id);
          afterDelete?.(job);
        } else {
          dispatch({ type: 'job_update', job: await api.jobAction(job.id, action) });
        }
      } catch (error) {
        reportError(`Could not ${action} ${job.filename}`, error);
      }
    },
    [dispatch, reportError, afterDelete],
  );
}
