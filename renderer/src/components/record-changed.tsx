/**
 * A save refused because someone else changed the record after this form opened (RECORD_CHANGED,
 * issue 16). The service's sentence says what happened; Reload reads the record again into the
 * form (what was typed here is dropped, as the sentence says), so the person makes their change
 * again on top of the other one instead of overwriting it.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { errorWords } from './error-words';

export const isRecordChanged = (err: unknown): boolean => err instanceof ApiError && err.code === 'RECORD_CHANGED';

export function RecordChangedAlert(props: { message: ReactNode; onReload: () => Promise<unknown> }) {
  const [reloading, setReloading] = useState(false);
  const [failed, setFailed] = useState<ReactNode>(null);
  const reload = () => {
    setReloading(true);
    setFailed(null);
    props.onReload().then(
      () => setReloading(false),
      (err: unknown) => {
        setReloading(false);
        setFailed(errorWords(err));
      },
    );
  };
  return (
    <Alert color="orange" title="Changed by someone else" data-testid="record-changed">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{props.message}</Text>
        <Button size="xs" color="orange" onClick={reload} loading={reloading}>
          Reload
        </Button>
        {failed && (
          <Text size="sm" c="red">
            {failed}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** The refusal above a record form: RECORD_CHANGED with its Reload (when the form can reload), or the sentence. */
export function FormRefusal(props: {
  form: { formError: string | null; recordChanged: boolean };
  onReload?: () => Promise<unknown>;
  title?: string;
}) {
  const { formError, recordChanged } = props.form;
  if (!formError) return null;
  if (recordChanged && props.onReload) return <RecordChangedAlert message={formError} onReload={props.onReload} />;
  return (
    <Alert color="red" {...(props.title ? { title: props.title } : {})}>
      {formError}
    </Alert>
  );
}
