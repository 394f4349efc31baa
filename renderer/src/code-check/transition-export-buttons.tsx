/**
 * "Export CSV" and "Export XLSX" for the transition tracker (`transitions:export`): the same rows
 * as the page, downloaded as a file, with how many rows it holds. The reports' ExportButtons ask
 * `reports:export`, whose queries this tracker is not one of.
 */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { call } from '../api';
import { downloadBase64 } from '../attachments/save-documents';

const MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function TransitionExportButtons(props: { disabled?: boolean }) {
  const exporting = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => call('transitions:export', { format }),
    onSuccess: (file, format) => {
      downloadBase64(file.fileName, file.contentBase64, MEDIA_TYPES[format]);
      notifications.show({
        color: 'green',
        message: `${file.fileName} downloaded: ${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'row' : 'rows'}.`,
      });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const button = (format: 'csv' | 'xlsx') => (
    <Button
      variant="default"
      size="xs"
      loading={exporting.isPending && exporting.variables === format}
      disabled={props.disabled || exporting.isPending}
      onClick={() => exporting.mutate(format)}
      aria-label={`Export code transitions as ${format.toUpperCase()}`}
    >
      Export {format.toUpperCase()}
    </Button>
  );
  return (
    <Group gap="xs">
      {button('csv')}
      {button('xlsx')}
    </Group>
  );
}
