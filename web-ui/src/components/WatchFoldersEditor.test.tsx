import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Config } from '../api/types';
import { ConfigForm } from './ConfigForm';

const single: Config = {
  monitor_folder: '/media/in',
  output_folder: '/media/out',
  processed_folder: '/media/done',
  max_workers: 2,
  recursive: false,
  stable_seconds: 5,
  scan_interval_seconds: 2,
  on_success: 'keep',
  max_attempts: 3,
  stall_timeout_seconds: 120,
  rules: [],
  watch_folders: null,
};
const listed: Config = {
  ...single,
  monitor_folder: null,
  watch_folders: [
    { path: '/media/drop/qlab', output_folder: '/media/cues', rules: [{ pattern: '*.mov', pattern_type: 'glob', profile: 'prores', output_pattern: '{stem}.mov', priority: 0, on_success: null }], recursive: null, stable_seconds: 2, on_success: null, processed_folder: null, enabled: null },
    { path: '/media/drop/web', output_folder: null, rules: null, recursive: null, stable_seconds: null, on_success: null, processed_folder: null, enabled: false },
  ],
};
const profiles = [{ name: 'prores', description: 'ProRes', extension: 'mov', ffmpeg_args: [], builtin: true }];

const folderCard = (index: number) => document.querySelector(`[data-folder-index="${index}"]`) as HTMLElement;

describe('watch folders in the config form', () => {
  it('turnsTheSingleFolderIntoTheFirstOfAListWithoutMonitorFolder', () => {
    const onSave = vi.fn();
    render(<ConfigForm config={single} profiles={profiles} errors={{}} onSave={onSave} onReset={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Watch several folders…' }));
    expect(screen.queryByLabelText('Watch folder')).toBeNull();
    fireEvent.change(within(folderCard(1)).getByLabelText('Folder'), { target: { value: '/media/drop/web' } });
    fireEvent.change(within(folderCard(1)).getByLabelText(/^Output folder/), { target: { value: '/media/web' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const saved = onSave.mock.calls[0][0];
    expect(saved.monitor_folder).toBeNull();
    expect(saved.watch_folders).toEqual([
      { path: '/media/in', output_folder: null, rules: null, recursive: null, stable_seconds: null, on_success: null, processed_folder: null, enabled: null },
      { path: '/media/drop/web', output_folder: '/media/web', rules: null, recursive: null, stable_seconds: null, on_success: null, processed_folder: null, enabled: null },
    ]);
  });

  it('keepsAFoldersScheduleAsItWasShownWhenAnotherKeyIsEdited', () => {
    const onSave = vi.fn();
    const schedule = { outside: 'drain', windows: [{ days: 'mon-fri', from: 1320, to: '06:00' }] };
    const scheduled: Config = { ...listed, watch_folders: [{ ...listed.watch_folders![0], schedule }, listed.watch_folders![1]] };
    render(<ConfigForm config={scheduled} profiles={profiles} errors={{}} onSave={onSave} onReset={vi.fn()} />);

    expect(within(folderCard(0)).getByText(/Has a schedule of its own, set in the config file/)).toBeTruthy();
    expect(within(folderCard(1)).queryByText(/Has a schedule of its own/)).toBeNull();
    fireEvent.change(within(folderCard(0)).getByLabelText(/^Output folder/), { target: { value: '/media/cues2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const saved = onSave.mock.calls[0][0];
    expect(saved.watch_folders[0]).toMatchObject({ output_folder: '/media/cues2', schedule });
    expect(saved.watch_folders[1].schedule).toBeUndefined();
  });

  it('editsEachFoldersFlagsAndRulesAndRemovesAFolder', () => {
    const onSave = vi.fn();
    render(<ConfigForm config={listed} profiles={profiles} errors={{}} onSave={onSave} onReset={vi.fn()} />);
    expect((within(folderCard(1)).getByLabelText('Watched') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(folderCard(1)).getByLabelText('Watched'));
    fireEvent.click(within(folderCard(1)).getByLabelText('Own rules (else the shared rules)'));
    fireEvent.click(within(folderCard(1)).getByRole('button', { name: 'Add rule' }));
    fireEvent.change(within(folderCard(1)).getByLabelText('Source after success'), { target: { value: 'move' } });
    fireEvent.change(within(folderCard(0)).getByLabelText(/^Output folder/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const [qlab, web] = onSave.mock.calls[0][0].watch_folders;
    expect(qlab.output_folder).toBeNull();
    expect(qlab.rules).toHaveLength(1);
    expect(web).toMatchObject({ enabled: null, on_success: 'move' });
    expect(web.rules).toHaveLength(1);

    fireEvent.click(within(folderCard(0)).getByRole('button', { name: 'Remove folder' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave.mock.calls[1][0].watch_folders.map((folder: { path: string }) => folder.path)).toEqual(['/media/drop/web']);
  });

  it('showsTheDaemonsMessageNextToTheFolderFieldItNames', () => {
    render(
      <ConfigForm
        config={listed}
        profiles={profiles}
        errors={{ 'watch_folders[1].path': 'is inside watch_folders[0].path', 'watch_folders[0].rules[0].profile': 'unknown profile' }}
        onSave={vi.fn()}
        onReset={vi.fn()}
      />,
    );
    const path = document.querySelector('[data-field="watch_folders[1].path"]') as HTMLElement;
    expect(within(path).getByText('is inside watch_folders[0].path')).toBeTruthy();
    expect(within(folderCard(0)).getByText('unknown profile')).toBeTruthy();
    expect(screen.queryByText(/watch_folders\[1\]\.path:/)).toBeNull();
  });
});
