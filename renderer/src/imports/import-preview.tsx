/**
 * The wizard's preview step: the columns mapped to each field (a Select per field; changing one
 * reads the file again), the counts, the first rows as they will be stored, and the refused rows
 * with their line number, column and reason.
 */
import { Badge, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../../../shared/api/import-schemas';
import { SupportCode } from '../components/error-words';
import { sampleColumnTitle } from './column-words';

export function PreviewView(props: {
  preview: ImportPreview;
  remembered: boolean;
  busy: boolean;
  onRemap: (p: ImportPreview, field: string, column: string | null) => void;
}) {
  const p = props.preview;
  const sampleKeys = [...new Set(p.sample.flatMap((r) => Object.keys(r)))];
  // An incomplete mapping is said above the buttons; the table lists problems in the rows.
  const rowErrors = p.errors.filter((e) => e.code !== 'MAPPING_INCOMPLETE');
  return (
    <Stack>
      <Text size="sm">
        <b>{p.fileName}</b>
        {p.source && p.source !== p.fileName ? ` (${p.source.replace(`${p.fileName} › `, '')})` : ''}
        {p.quarter ? ` · quarter ${p.quarter}` : ''}
        {props.remembered ? ' · the columns you chose last time were used' : ''}
      </Text>
      <Group gap="sm">
        <Badge variant="light" color="gray" size="lg" data-testid="import-total">
          {p.totalRows} rows in the file
        </Badge>
        {p.mappingComplete ? (
          <>
            <Badge variant="light" color="teal" size="lg" data-testid="import-valid">
              {p.validRows} valid
            </Badge>
            <Badge variant="light" color={p.refusedRows > 0 ? 'red' : 'gray'} size="lg" data-testid="import-refused">
              {p.refusedRows} refused
            </Badge>
          </>
        ) : (
          <Badge variant="light" color="orange" size="lg">
            Rows are checked once the columns are chosen
          </Badge>
        )}
      </Group>

      <div>
        <Text fw={600} size="sm" mb={4}>
          Columns
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {p.fields.map((f) => (
            <Select
              key={f.field}
              label={f.label}
              required={f.required}
              placeholder={f.required ? 'Choose a column' : 'Not in this file'}
              clearable={!f.required}
              allowDeselect={!f.required}
              disabled={props.busy}
              data={p.columns.filter((c, i) => c !== '' && p.columns.indexOf(c) === i)}
              value={p.mapping[f.field] ?? null}
              error={f.required && !p.mapping[f.field] ? 'Choose the column that holds this.' : undefined}
              onChange={(v) => props.onRemap(p, f.field, v)}
            />
          ))}
        </SimpleGrid>
      </div>

      {p.sample.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            First rows as they will be stored
          </Text>
          <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
            <Table striped aria-label="Sample rows" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  {sampleKeys.map((k) => (
                    <Table.Th key={k}>{sampleColumnTitle(k)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.sample.map((r, i) => (
                  <Table.Tr key={i} data-testid="import-sample-row">
                    {sampleKeys.map((k) => (
                      <Table.Td key={k}>{r[k] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </div>
      )}

      {rowErrors.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4} c="red">
            Refused rows
            {rowErrors.length >= 500 ? ` (the first ${rowErrors.length} problems; ${p.refusedRows} rows refused)` : ''}
          </Text>
          <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
            <Table aria-label="Refused rows" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowErrors.map((e, i) => (
                  <Table.Tr key={`${e.row}-${e.column}-${i}`} data-testid="import-error-row">
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td>
                      {e.message}
                      <SupportCode code={e.code} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </div>
      )}
    </Stack>
  );
}
