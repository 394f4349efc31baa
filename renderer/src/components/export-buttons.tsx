/**
 * "Export CSV" and "Export XLSX" for a worklist or report: the same rows and filters as the page
 * (`reports:export`), downloaded as a file, with how many rows it holds.
 */
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { ExportQueryInput } from '../../../shared/api/report-channels';
import { call } from '../api';
import { downloadBase64 } from '../attachments/save-documents';

const MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function ExportButtons(props: { query: Omit<ExportQueryInput, 'format'>; label?: string }) {
  const exporting = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => call('reports:export', { ...props.query, format }),
    onSuccess: (file, format) => {
      downloadBase64(file.fileName, file.contentBase64, MEDIA_TYPES[format]);
      notifications.show({
        color: 'green',
        message: `${file.fileName} downloaded: ${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'row' : 'rows'}.`,
      });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const name = props.label ? ` ${props.label}` : '';
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        loading={exporting.isPending && exporting.variables === 'csv'}
        disabled={exporting.isPending}
        onClick={() => exporting.mutate('csv')}
        aria-label={`Export${name} as CSV`}
      >
        Export CSV
      </Button>
      <Button
        variant="default"
        size="xs"
        loading={exporting.isPending && exporting.variables === 'xlsx'}
        disabled={exporting.isPending}
        onClick={() => exporting.mutate('xlsx')}
        aria-label={`Export${name} as XLSX`}
      >
        Export XLSX
      </Button>
    </Group>
  );
}
