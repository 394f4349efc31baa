/**
 * Saving the record a form dialog edits: create when it is new, update otherwise; on success a
 * notification ("Drug added" or "Drug saved") and `onSaved`; a refusal goes back to the form,
 * next to the field it names.
 */
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';

export function useSaveRecord<I, R, T>(props: {
  /** The record being edited, or "new". */
  editing: T | 'new' | null;
  create: (input: I) => Promise<R>;
  update: (input: I, record: T) => Promise<R>;
  /** The notification's title: ["Drug added", "Drug saved"]. */
  titles: readonly [added: string, saved: string];
  message: (saved: R) => string;
  onSaved: () => void;
  /** The refusal as the form should see it (e.g. without a prefix on its field names). */
  refusal?: (err: unknown) => unknown;
}) {
  const { editing } = props;
  return useMutation({
    mutationFn: ({ input }: { input: I; showError: (e: unknown) => void }) =>
      editing && editing !== 'new' ? props.update(input, editing) : props.create(input),
    onSuccess: (saved) => {
      notifications.show({
        color: 'teal',
        title: editing === 'new' ? props.titles[0] : props.titles[1],
        message: props.message(saved),
      });
      props.onSaved();
    },
    onError: (err, { showError }) => showError(props.refusal ? props.refusal(err) : err),
  });
}
