/**
 * "Make this provider inactive?" asked first, "Keep active" focused (Enter does not change
 * anything); the service's refusal, if any, shown in place.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { providerPrintedName, type Provider } from '../../../shared/domain/provider';
import { ApiError, call } from '../api';
import { SupportCode } from '../components/error-words';

export function MakeInactiveModal(props: { provider: Provider | null; onClose: () => void; onDone: () => void }) {
  const { provider } = props;
  const deactivate = useMutation({
    mutationFn: (p: Provider) => call('providers:deactivate', { id: p.id }),
    onSuccess: (p) => {
      notifications.show({
        color: 'gray',
        title: 'Provider made inactive',
        message: `${providerPrintedName(p)} is no longer offered on the administration form.`,
      });
      close();
      props.onDone();
    },
  });
  const close = () => {
    deactivate.reset();
    props.onClose();
  };
  const error = deactivate.error;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={provider !== null}
      onClose={close}
      title="Make this provider inactive?"
    >
      {provider && (
        <Stack>
          <Text>
            {providerPrintedName(provider)} (NPI {provider.npi}) will no longer be offered on the administration form.
            Administrations already recorded keep their name and NPI, and you can make them active again later.
          </Text>
          {error && (
            <Alert color="red" title="Nothing was changed">
              {error.message}
              {error instanceof ApiError && <SupportCode code={error.code} />}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Keep active
            </Button>
            <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate(provider)}>
              Make inactive
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
