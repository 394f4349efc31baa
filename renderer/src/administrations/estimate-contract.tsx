/**
 * The contract version an estimate used, named as a biller names it ("95% of AWP, from Jan 1,
 * 2005"), never by its row number. Read from the payer's record, which the payer's page keeps
 * fresh under the same query key.
 */
import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { contractInWords } from '../../../shared/domain/contract-words';
import { call } from '../api';

export function EstimateContract(props: { payerId: number; contractId: number | null }) {
  const payer = useQuery({
    queryKey: ['payers', props.payerId],
    queryFn: () => call('payers:get', { id: props.payerId }),
    enabled: props.contractId !== null,
  });
  if (props.contractId === null) return null;
  const contract = payer.data?.contracts.find((c) => c.id === props.contractId);
  if (!contract) return null;
  return (
    <Text size="sm" data-testid="estimate-contract">
      Contract terms:{' '}
      <Anchor component={Link} to={`/payers/${props.payerId}`} inherit>
        {contractInWords(contract)}
      </Anchor>
    </Text>
  );
}
