/**
 * How the drug was given beyond its route: IV push, IV infusion, injection or other. An IV
 * infusion asks for its start and stop times (24-hour) or its duration in minutes; those inputs
 * show only for an infusion, right under the choice, and each refusal (INFUSION_TIMES_REQUIRED,
 * INFUSION_TIMES_INVALID...) sits next to the input it is about.
 */
import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { TECHNIQUE_LABELS, TECHNIQUES } from '../../../shared/domain/administration-technique';
import type { AdministrationFormValues } from './form-values';

type Setter = <K extends keyof AdministrationFormValues>(
  field: K,
  value: AdministrationFormValues[K],
  errorKey?: string,
) => void;

export function TechniqueFields(props: {
  values: AdministrationFormValues;
  errorFor: (key: string) => string | undefined;
  set: Setter;
  /** Shown in the same row as the technique, e.g. the site. */
  beside?: ReactNode;
}) {
  const { values, errorFor, set } = props;
  const time = (field: 'infusionStart' | 'infusionStop', label: string) => (
    <TextInput
      label={label}
      placeholder="HH:MM"
      inputMode="numeric"
      maxLength={5}
      classNames={{ input: 'mono' }}
      value={values[field]}
      error={errorFor(field)}
      onChange={(e) => set(field, e.currentTarget.value)}
    />
  );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label="Technique"
          description="How it was given (the checklist asks for it)"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          placeholder="Choose"
          clearable
          data={TECHNIQUES.map((t) => ({ value: t, label: TECHNIQUE_LABELS[t] }))}
          value={values.technique || null}
          error={errorFor('technique')}
          onChange={(v) => set('technique', v ?? '')}
        />
        {props.beside}
      </SimpleGrid>
      {values.technique === 'iv-infusion' && (
        <Stack gap={4} data-testid="infusion-times">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {time('infusionStart', 'Infusion start')}
            {time('infusionStop', 'Infusion stop')}
            <TextInput
              label="Or minutes"
              placeholder="e.g. 45"
              inputMode="numeric"
              value={values.infusionMinutes}
              error={errorFor('infusionMinutes')}
              onChange={(e) => set('infusionMinutes', e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Start and stop in 24-hour time (14:05 to 14:50), or the duration in whole minutes. An infusion that runs
            past midnight is recorded by its duration.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
