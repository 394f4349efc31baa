/**
 * "Export CSV" and "Export XLSX" for a worklist, report or tracker: the same rows and filters as
 * the page, downloaded as a file, with how many rows it holds. A report or worklist gives its
 * `reports:export` query; a page exported through another channel (the transition tracker's
 * `transitions:export`) gives `fetchFile`.
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

export type ExportFormat = keyof typeof MEDIA_TYPES;

/** An exported file as the export channels return it. */
export type ExportedFile = { fileName: string; contentBase64: string; rows: number };

type ExportSource =
  { query: Omit<ExportQueryInput, 'format'> } | { fetchFile: (format: ExportFormat) => Promise<ExportedFile> };

export function ExportButtons(props: ExportSource & { label?: string; disabled?: boolean }) {
  const exporting = useMutation({
    mutationFn: (format: ExportFormat): Promise<ExportedFile> =>
      'fetchFile' in props ? props.fetchFile(format) : call('reports:export', { ...props.query, format }),
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
  const button = (format: ExportFormat) => (
    <Button
      variant="default"
      size="xs"
      loading={exporting.isPending && exporting.variables === format}
      disabled={props.disabled || exporting.isPending}
      onClick={() => exporting.mutate(format)}
      aria-label={`Export${name} as ${format.toUpperCase()}`}
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
