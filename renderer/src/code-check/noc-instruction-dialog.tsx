/**
 * "Payer said to bill J3490": the billing guide's fourth case, when the payer tells the practice
 * to bill the NOC code although a specific code exists. The note is required (who at the payer,
 * when, the reference number) because it is the practice's only proof if the claim is questioned;
 * the service keeps it with the administration and in the audit log.
 */
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { FormActions } from '../components/form-actions';

const NOTE_MAX = 2000;

export function NocInstructionDialog(props: {
  opened: boolean;
  billed: string;
  specific: string | null;
  busy: boolean;
  /** The service's refusal, shown under the note. */
  error: ReactNode;
  onClose: () => void;
  onRecord: (note: string) => void;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title={`Payer said to bill ${props.billed}`}
    >
      {props.opened && <InstructionForm {...props} />}
    </Modal>
  );
}

function InstructionForm(props: Parameters<typeof NocInstructionDialog>[0]) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  return (
    <form
      noValidate
      aria-label={`Payer said to bill ${props.billed}`}
      onSubmit={(e) => {
        e.preventDefault();
        const text = note.trim();
        if (text === '') return setMissing('Write who at the payer said so, when, and the reference number.');
        if (text.length > NOTE_MAX) return setMissing(`At most ${NOTE_MAX.toLocaleString('en-US')} characters.`);
        setMissing(null);
        props.onRecord(text);
      }}
    >
      <Stack>
        <Text size="sm">
          Record that the payer told you to bill {props.billed} for this drug
          {props.specific ? ` although ${props.specific} covers it` : ''}. The claim can then be marked ready to bill;
          the note stays with the administration and in the audit log.
        </Text>
        <Textarea
          label="Note"
          required
          data-autofocus
          description="Who at the payer, when, and the reference number"
          placeholder="Dana K., provider services line, 2025-03-12, call reference 448172"
          autosize
          minRows={3}
          maxRows={8}
          value={note}
          error={missing ?? props.error}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setMissing(null);
          }}
        />
        <FormActions submitLabel="Record instruction" busy={props.busy} onCancel={props.onClose} />
      </Stack>
    </form>
  );
}
