/**
 * A record's editor as a page: the way back, the title, the form. Leaving with unsaved typing
 * asks first, whether by Cancel, Escape, the sidebar or the browser's back; Cancel goes back, and
 * a save opens the saved record's page.
 */
import { Anchor, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { UnsavedChangesModal, useUnsavedChangesGuard } from './unsaved-changes-guard';

/** What the page hands its form. */
export interface EditorFormProps {
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: (record: { id: number }) => void;
}

export function EditorPage(props: {
  title: string;
  backTo: string;
  backLabel: string;
  /** "invoices": a save opens `#/invoices/:id`. */
  list: string;
  /** "this invoice": "Leave without saving?" names it. */
  what: string;
  /** Shown between the title and the form. */
  notice?: ReactNode;
  children: (form: EditorFormProps) => ReactNode;
}) {
  const navigate = useNavigate();
  const { blocker, onDirtyChange, leaveOnPurpose } = useUnsavedChangesGuard();

  return (
    <Stack>
      <Anchor component={Link} to={props.backTo} size="sm">
        {props.backLabel}
      </Anchor>
      <Title order={2}>{props.title}</Title>
      {props.notice}
      {props.children({
        onDirtyChange,
        onCancel: () => void navigate(props.backTo),
        onSaved: (record) => {
          leaveOnPurpose();
          void navigate(`/${props.list}/${record.id}`);
        },
      })}
      <UnsavedChangesModal blocker={blocker} what={props.what} />
    </Stack>
  );
}
