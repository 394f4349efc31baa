/**
 * "Add a provider" without leaving the page (the administration form): the provider form in a
 * dialog; once the service has stored the provider, `onAdded` receives it so the form can pick it.
 */
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { providerPrintedName, type Provider, type ProviderInput } from '../../../shared/domain/provider';
import { call } from '../api';
import { useDiscardGuard } from '../components/discard-guard';
import { emptyProvider, ProviderForm } from './provider-form';

export function AddProviderModal(props: {
  opened: boolean;
  /** "Add the ordering provider" says what the new provider will be picked for. */
  title: string;
  onClose: () => void;
  onAdded: (provider: Provider) => void;
}) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: ({ input }: { input: ProviderInput; showError: (e: unknown) => void }) =>
      call('providers:create', input),
    onSuccess: (p) => {
      notifications.show({
        color: 'teal',
        title: 'Provider added',
        message: `${providerPrintedName(p)} · NPI ${p.npi}`,
      });
      void queryClient.invalidateQueries({ queryKey: ['providers'] });
      props.onAdded(p);
    },
    onError: (err, { showError }) => showError(err),
  });

  // Closing with typed data asks first ("Discard what you typed?").
  const guard = useDiscardGuard(props.onClose);
  return (
    <>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={props.opened}
        onClose={guard.requestClose}
        title={props.title}
      >
        {props.opened &&
          guard.provide(
            <ProviderForm
              initial={emptyProvider}
              submitLabel="Add provider"
              busy={create.isPending}
              onCancel={props.onClose}
              onSubmit={(input, showError) => create.mutate({ input, showError })}
            />,
          )}
      </Modal>
      {guard.question}
    </>
  );
}
