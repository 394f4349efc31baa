/** The Edit and Delete buttons at the end of a record's row, labelled with the record's name for screen readers. */
import { Button, Group } from '@mantine/core';

export function RowActions(props: { name: string; onEdit?: () => void; onDelete: () => void }) {
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {props.onEdit && (
        <Button size="compact-sm" variant="light" onClick={props.onEdit} aria-label={`Edit ${props.name}`}>
          Edit
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={props.onDelete}
        aria-label={`Delete ${props.name}`}
      >
        Delete
      </Button>
    </Group>
  );
}
