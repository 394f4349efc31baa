/**
 * What the FDA NDC directory says of the NDC typed for a new drug: the one package (with "Fill in
 * from the directory"), the packages ten bare digits could be (to choose one), or why there is
 * nothing. Ended and excluded packages carry their warning. Filling changes only the form; the
 * drug is saved when the person saves it.
 */
import { Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { FdaPackageView } from '../../../shared/api/reference-channels';
import { fdaPackageWarnings } from '../../../shared/domain/fda-fill';
import type { FdaLookup } from './use-fda-lookup';

/** "Onpattro (patisiran)", or the generic name alone when it is also the proprietary name. */
function names(p: FdaPackageView): string {
  const brand = p.proprietaryName.trim();
  const generic = p.nonproprietaryName.trim();
  if (brand === '' || brand.toLowerCase() === generic.toLowerCase()) return generic || brand;
  return generic === '' ? brand : `${brand} (${generic})`;
}

const productLine = (p: FdaPackageView): string =>
  [`${names(p)}, ${p.labelerName}`, [p.dosageForm, p.route, p.strength].filter((x) => x !== '').join(', ')]
    .filter((x) => x.trim() !== '')
    .join(' — ');

/** The FDA's description on one line ("…(71336-1000-1)  > 5 mL…" has double spaces before ">"). */
const packageLine = (p: FdaPackageView): string => p.packageDescription.replace(/\s+/g, ' ').trim();

const release = (r: string | null): string => (r ? ` (release ${r})` : '');

function Warnings({ pkg }: { pkg: FdaPackageView }) {
  return fdaPackageWarnings(pkg).map((w) => (
    <Text key={w} size="sm" c="orange.9" fw={600} data-testid="fda-warning">
      ⚠ {w}
    </Text>
  ));
}

export function FdaDirectoryPanel(props: {
  lookup: FdaLookup;
  /** The text in the NDC field now. */
  typed: string;
  /** What the last fill left for the person, when it was this package's. */
  filledNotes: string[] | null;
  onUse: (pkg: FdaPackageView, directoryRelease: string | null) => void;
  onFill: (pkg: FdaPackageView, directoryRelease: string | null) => void;
}) {
  const { lookup } = props;
  if (lookup.state === 'looking') {
    return (
      <Text size="sm" c="dimmed" data-testid="fda-looking">
        Looking the NDC up in the FDA directory…
      </Text>
    );
  }
  if (lookup.state === 'refused') {
    return (
      <Text size="sm" c="dimmed" data-testid="fda-none">
        Not looked up in the FDA directory: {lookup.message}
      </Text>
    );
  }
  const { packages, directoryRelease } = lookup;
  if (directoryRelease === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="fda-none">
        Import the FDA NDC directory (Reference data) to fill drugs from it.
      </Text>
    );
  }
  if (packages.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="fda-none">
        Not in the FDA directory on file{release(directoryRelease)}.
      </Text>
    );
  }
  if (packages.length > 1) {
    return (
      <Paper withBorder p="sm" data-testid="fda-candidates">
        <Stack gap="xs">
          <Text size="sm">
            {packages.length} packages in the FDA directory{release(directoryRelease)} have the digits{' '}
            <b>{props.typed.trim()}</b>. Choose the one printed on your package:
          </Text>
          {packages.map((p) => (
            <Group key={p.ndc11} justify="space-between" wrap="nowrap" align="flex-start" data-testid="fda-candidate">
              <Stack gap={2}>
                <Text size="sm">
                  <b className="mono">{p.packageCode}</b> {names(p)}, {p.labelerName}
                </Text>
                <Text size="xs" c="dimmed">
                  {packageLine(p)}
                </Text>
                <Warnings pkg={p} />
              </Stack>
              <Button
                size="xs"
                variant="light"
                style={{ flexShrink: 0 }}
                onClick={() => props.onUse(p, directoryRelease)}
              >
                Use {p.packageCode}
              </Button>
            </Group>
          ))}
        </Stack>
      </Paper>
    );
  }

  const pkg = packages[0] as FdaPackageView;
  const bareDigits = /^\d{10}$/.test(props.typed.trim().replace(/^NDC[:#]?\s*/i, ''));
  return (
    <Paper withBorder p="sm" data-testid="fda-package">
      <Stack gap={6}>
        <Text size="sm">
          <b>FDA directory{release(directoryRelease)}:</b> {productLine(pkg)}
        </Text>
        <Text size="xs" c="dimmed">
          {packageLine(pkg)}
        </Text>
        <Warnings pkg={pkg} />
        {bareDigits && (
          <Group gap="xs" data-testid="fda-did-you-mean">
            <Text size="sm">
              Did you mean <b className="mono">{pkg.packageCode}</b>?
            </Text>
            <Button size="xs" variant="light" onClick={() => props.onUse(pkg, directoryRelease)}>
              Use {pkg.packageCode}
            </Button>
          </Group>
        )}
        {props.filledNotes === null ? (
          <Button size="xs" w="fit-content" onClick={() => props.onFill(pkg, directoryRelease)}>
            Fill in from the directory
          </Button>
        ) : (
          <Stack gap={4} data-testid="fda-filled">
            <Text size="sm">Filled in from the directory: check each field, then save the drug.</Text>
            {props.filledNotes.length > 0 && (
              <List size="sm" spacing={2} data-testid="fda-fill-notes">
                {props.filledNotes.map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
