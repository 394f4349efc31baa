/**
 * "Override modifiers": the modifiers the engine gives (JW/JZ by the CMS rules and the payer's
 * policy) replaced for one administration, with the reason the service requires.
 */
import { Checkbox, Paper, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import type { AdministrationFormValues } from './form-values';

export function OverrideFields(props: {
  values: AdministrationFormValues;
  errorFor: (key: string) => string | undefined;
  set: <K extends keyof AdministrationFormValues>(
    field: K,
    value: AdministrationFormValues[K],
    errorKey?: string,
  ) => void;
}) {
  const { values, errorFor, set } = props;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Checkbox
          label="Override modifiers"
          description="Only when the payer asks for modifiers other than the ones the rules give (JW/JZ); say why."
          checked={values.override}
          onChange={(e) => set('override', e.currentTarget.checked, 'modifierOverride.reason')}
        />
        {values.override && (
          <>
            <SimpleGrid cols={2}>
              <TagsInput
                label="Given line modifiers"
                description="Up to 4, e.g. JZ"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={['JW', 'JZ']}
                maxTags={4}
                value={values.overrideGiven}
                error={errorFor('modifierOverride.given')}
                onChange={(m) =>
                  set(
                    'overrideGiven',
                    m.map((x) => x.trim().toUpperCase()),
                    'modifierOverride.given',
                  )
                }
              />
              <TagsInput
                label="Wasted line modifiers"
                description="Up to 4, e.g. JW"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={['JW', 'JZ']}
                maxTags={4}
                value={values.overrideWasted}
                error={errorFor('modifierOverride.wasted')}
                onChange={(m) =>
                  set(
                    'overrideWasted',
                    m.map((x) => x.trim().toUpperCase()),
                    'modifierOverride.wasted',
                  )
                }
              />
            </SimpleGrid>
            <Textarea
              label="Reason for the override"
              required
              autosize
              minRows={1}
              value={values.overrideReason}
              error={errorFor('modifierOverride.reason')}
              onChange={(e) => set('overrideReason', e.currentTarget.value, 'modifierOverride.reason')}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
