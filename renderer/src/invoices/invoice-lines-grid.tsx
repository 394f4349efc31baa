/**
 * The lines of an invoice as an editable grid, one lot per row. Tab walks a row left to right and
 * then the next row; Enter anywhere saves the invoice (the grid sits inside the editor's form).
 * Each cell shows its own error; the NDC cell also shows the catalog drug it names, or offers
 * "Add this drug" when the NDC is not in the catalog. A lot already used keeps its NDC and its
 * row (the service refuses either change too); its cost, lot number and expiry stay open.
 */
import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { extendedCostOf, invoiceLineInputSchema } from '../../../shared/domain/invoice';
import { Dec } from '../../../shared/domain/money';
import { DateField } from '../components/date-field';
import { linePath, type FieldErrors, type LineField, type LineValues } from './invoice-form-values';
import { useLineDrug } from './use-line-drug';

const COLUMNS: { field: LineField; label: string; width: number; placeholder?: string; help?: string }[] = [
  { field: 'ndc', label: 'NDC', width: 160, placeholder: 'e.g. 0002-7597-01' },
  { field: 'lotNumber', label: 'Lot number', width: 110 },
  { field: 'expiryDate', label: 'Expiry', width: 150, placeholder: 'MM/DD/YYYY' },
  { field: 'packageQuantity', label: 'Packages', width: 80, placeholder: 'e.g. 2' },
  { field: 'costPerPackage', label: 'Cost per package', width: 110, placeholder: 'e.g. $920.00' },
  { field: 'extendedCost', label: 'Extended cost', width: 110, help: 'As printed; empty = packages × cost' },
  { field: 'discount', label: 'Discount', width: 90, placeholder: 'None' },
];

export const cellId = (line: LineValues, field: LineField): string => `invoice-line-${line.key}-${field}`;

export function InvoiceLinesGrid(props: {
  lines: LineValues[];
  errors: FieldErrors;
  onChange: (index: number, field: LineField, value: string) => void;
  /** The person left a cell: its typed text is read ("$1,200.00", "01/05/2026"). */
  onLeave: (index: number, field: LineField) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  onAddDrug: (index: number) => void;
}) {
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing={6} horizontalSpacing={6} aria-label="Invoice lines" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>#</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th key={c.field} w={c.width} title={c.help}>
                  {c.label}
                </Table.Th>
              ))}
              <Table.Th w={84} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.lines.map((line, index) => (
              <LineRow
                key={line.key}
                line={line}
                index={index}
                errors={props.errors}
                onlyLine={props.lines.length === 1}
                onChange={(field, value) => props.onChange(index, field, value)}
                onLeave={(field) => props.onLeave(index, field)}
                onRemove={() => props.onRemove(index)}
                onAddDrug={() => props.onAddDrug(index)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="light" onClick={props.onAdd}>
          Add line
        </Button>
        <Text size="xs" c="dimmed">
          Extended cost may stay empty: it is then packages × cost per package, rounded to cents.
        </Text>
      </Group>
    </Stack>
  );
}

const packagesField = invoiceLineInputSchema.shape.packageQuantity;
const costField = invoiceLineInputSchema.shape.costPerPackage;

function LineRow(props: {
  line: LineValues;
  index: number;
  errors: FieldErrors;
  onlyLine: boolean;
  onChange: (field: LineField, value: string) => void;
  onLeave: (field: LineField) => void;
  onRemove: () => void;
  onAddDrug: () => void;
}) {
  const { line, index } = props;
  const n = index + 1;
  const drug = useLineDrug(line.ndc);
  const ndcError = props.errors[linePath(index, 'ndc')];
  const unknown = drug.state === 'unknown' || ndcError?.code === 'NDC_UNKNOWN';

  const packagesOk = packagesField.safeParse(line.packageQuantity).success;
  const costOk = costField.safeParse(line.costPerPackage).success;
  const computedExtended =
    packagesOk && costOk
      ? extendedCostOf({
          packageQuantity: line.packageQuantity.trim(),
          costPerPackage: line.costPerPackage.trim(),
          extendedCost: '',
        })
      : null;
  const units =
    drug.state === 'found' && packagesOk
      ? `= ${new Dec(line.packageQuantity.trim()).times(drug.drug.packageSize).toFixed()} ${drug.drug.ndcUnit}`
      : undefined;

  const cell = (field: LineField, extra: { placeholder?: string; description?: string; readOnly?: boolean } = {}) => {
    const column = COLUMNS.find((c) => c.field === field);
    return (
      <TextInput
        id={cellId(line, field)}
        size="sm"
        aria-label={`${column?.label ?? field}, line ${n}`}
        placeholder={extra.placeholder ?? column?.placeholder}
        description={extra.description}
        readOnly={extra.readOnly}
        inputWrapperOrder={['input', 'description', 'error']}
        value={line[field]}
        error={props.errors[linePath(index, field)]?.message}
        onChange={(e) => props.onChange(field, e.currentTarget.value)}
        onBlur={() => props.onLeave(field)}
      />
    );
  };

  return (
    <Table.Tr data-testid="invoice-line" style={{ verticalAlign: 'top' }}>
      <Table.Td pt={12}>
        <Text size="sm" c="dimmed">
          {n}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {cell('ndc', { readOnly: line.used !== undefined })}
          {drug.state === 'found' && (
            <Text size="xs" data-testid="line-drug-name">
              {drug.drug.genericName}
              {drug.drug.brandName ? ` (${drug.drug.brandName})` : ''} · {drug.drug.packageSize} {drug.drug.ndcUnit}/pkg
            </Text>
          )}
          {drug.state === 'failed' && (
            <Text size="xs" c="red">
              {drug.message}
            </Text>
          )}
          {line.used !== undefined && (
            <Text size="xs" c="orange" data-testid="line-used">
              {line.used} already used from this lot, so its NDC cannot change and it cannot be removed.
            </Text>
          )}
          {unknown && (
            <Group gap={6}>
              {!ndcError && (
                <Text size="xs" c="orange">
                  Not in the catalog.
                </Text>
              )}
              <Anchor component="button" type="button" size="xs" onClick={props.onAddDrug}>
                Add this drug
              </Anchor>
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{cell('lotNumber')}</Table.Td>
      <Table.Td>
        <DateField
          id={cellId(line, 'expiryDate')}
          size="sm"
          label={undefined}
          aria-label={`Expiry, line ${n}`}
          inputWrapperOrder={['input', 'error']}
          value={line.expiryDate}
          error={props.errors[linePath(index, 'expiryDate')]?.message}
          onChange={(text) => props.onChange('expiryDate', text)}
        />
      </Table.Td>
      <Table.Td>{cell('packageQuantity', { description: units })}</Table.Td>
      <Table.Td>{cell('costPerPackage')}</Table.Td>
      <Table.Td>{cell('extendedCost', { placeholder: computedExtended ?? '' })}</Table.Td>
      <Table.Td>{cell('discount')}</Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          mt={4}
          disabled={props.onlyLine || line.used !== undefined}
          title={line.used !== undefined ? 'Stock of this lot was already used: it stays on the invoice' : undefined}
          aria-label={`Remove line ${n}`}
          onClick={props.onRemove}
        >
          Remove
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
