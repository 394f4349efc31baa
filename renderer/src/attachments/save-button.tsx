/**
 * One button that saves documents: "Save…" (a folder, in the desktop app) or "Download" (a
 * browser). What happened is said in a notification; a refusal says why.
 */
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { plural } from './document-words';
import { saveDocuments, savesToFolder } from './save-documents';
import { errorWords } from '../components/error-words';

export const SAVE_LABEL = savesToFolder ? 'Save…' : 'Download';

export function SaveDocumentsButton(
  props: {
    ids: readonly number[];
    /** The visible text; "Save…" / "Download" by default. */
    label?: string;
    /** The accessible name when the text alone does not say which document (rows of a table). */
    ariaLabel?: string;
  } & Pick<ButtonProps, 'variant' | 'size'>,
) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => saveDocuments(queryClient, props.ids),
    onSuccess: (outcome) => {
      if (outcome.kind === 'saved') {
        notifications.show({
          color: 'teal',
          title: `Saved ${plural(outcome.paths.length, 'file', 'files')}`,
          message: outcome.paths.length === 1 ? outcome.paths[0] : `In ${outcome.folder}`,
        });
      } else if (outcome.kind === 'downloaded') {
        notifications.show({ color: 'teal', title: 'Downloading', message: outcome.fileNames.join(', ') });
      }
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        title: 'Not saved',
        message: errorWords(err),
      }),
  });
  return (
    <Button
      variant={props.variant ?? 'default'}
      size={props.size}
      aria-label={props.ariaLabel}
      loading={save.isPending}
      disabled={props.ids.length === 0}
      onClick={() => save.mutate()}
    >
      {props.label ?? SAVE_LABEL}
    </Button>
  );
}
