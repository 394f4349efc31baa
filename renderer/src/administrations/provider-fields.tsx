/**
 * The ordering and rendering providers: each by name (as the attachment prints it, e.g. "Jane
 * Roe, MD") beside the NPI the claim carries. Names are plain text for now.
 */
import { SimpleGrid, TextInput } from '@mantine/core';
import type { AdministrationFormValues } from './form-values';

export function ProviderFields(props: {
  values: AdministrationFormValues;
  errorFor: (key: string) => string | undefined;
  set: <K extends keyof AdministrationFormValues>(field: K, value: AdministrationFormValues[K]) => void;
}) {
  const { values, errorFor, set } = props;
  const input = (
    field: 'orderingProviderName' | 'orderingNpi' | 'renderingProviderName' | 'renderingNpi',
    label: string,
    npi: boolean,
  ) => (
    <TextInput
      label={label}
      placeholder={npi ? '10 digits' : 'Jane Roe, MD'}
      maxLength={npi ? 10 : 80}
      inputMode={npi ? 'numeric' : undefined}
      classNames={npi ? { input: 'mono' } : undefined}
      value={values[field]}
      error={errorFor(field)}
      onChange={(e) => set(field, e.currentTarget.value)}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {input('orderingProviderName', 'Ordering provider', false)}
      {input('orderingNpi', 'Ordering provider NPI', true)}
      {input('renderingProviderName', 'Rendering provider', false)}
      {input('renderingNpi', 'Rendering provider NPI', true)}
    </SimpleGrid>
  );
}
