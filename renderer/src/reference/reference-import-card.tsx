/**
 * Importing one reference file, as the price imports do it: choose the kind and the file, read it
 * (nothing is written), look at what it holds and refuses, then import every good row in one go
 * or nothing. When rows are refused the person must tick that they are left out first.
 *
 * Refusals from the service (a file already imported, a release it cannot tell, a file it cannot
 * read) are said next to the field they concern, in the service's own sentence.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  Progress,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ReferenceImportView, ReferencePreview } from '../../../shared/api/reference-channels';
import { ApiError, call } from '../api';
import { readAsBase64 } from '../imports/read-file';
import { count, KIND_ORDER, KIND_WORDS, type ReferenceKind } from './reference-words';
import { ReferencePreviewView } from './reference-preview';
import { SupportCode } from '../components/error-words';

/** The contract's limits: 160 M base64 characters a file, 200 MB for the whole request. */
const MAX_FILE_BYTES = 120 * 1024 * 1024;
const MAX_TOTAL_BYTES = 145 * 1024 * 1024;
const RELEASE_PATTERN = /^(\d{4}Q[1-4]|\d{4}-\d{2}-\d{2})$/;
const RELEASE_CODES = new Set(['RELEASE_REQUIRED', 'RELEASE_INVALID']);

type Problem = { message: string; code?: string };
type Done = { view: ReferenceImportView; leftOut: number };

/** "2025 q3" and "Q3 2025" → "2025Q3"; a date is left as typed. */
function normalizeRelease(typed: string): string {
  const s = typed.replace(/\s+/g, '').toUpperCase();
  const flipped = /^Q([1-4])[-_/]?(\d{4})$/.exec(s);
  return flipped ? `${flipped[2]}Q${flipped[1]}` : s;
}

/** The sentence, with the service's code in small print for whoever they call for help. */
function ProblemText({ problem }: { problem: Problem }): ReactNode {
  return (
    <>
      {problem.message}
      {problem.code && <SupportCode code={problem.code} />}
    </>
  );
}

export function ReferenceImportCard() {
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const releaseRef = useRef<HTMLInputElement>(null);
  // The release field is disabled while the file is read: it takes the focus once enabled again.
  const focusRelease = useRef(false);
  const [kind, setKind] = useState<ReferenceKind>('crosswalk');
  const [files, setFiles] = useState<File[]>([]);
  // Remounting the file input is the only way to empty it after an import or a cancel.
  const [inputKey, setInputKey] = useState(0);
  const [release, setRelease] = useState('');
  const [fileProblem, setFileProblem] = useState<Problem | null>(null);
  const [releaseProblem, setReleaseProblem] = useState<Problem | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const words = KIND_WORDS[kind];

  const preview = useMutation({
    mutationFn: async (args: { kind: ReferenceKind; files: File[]; release: string }) => {
      const contents = await Promise.all(
        args.files.map(async (f) => ({ fileName: f.name, contentBase64: await readAsBase64(f) })),
      );
      return call('reference:preview', {
        kind: args.kind,
        files: contents,
        ...(args.release !== '' ? { release: args.release } : {}),
      });
    },
    onSuccess: () => setAccepted(false),
    onError: (err) => {
      const code = err instanceof ApiError ? err.code : undefined;
      const onRelease = err instanceof ApiError ? err.fields.find((f) => f.field === 'release') : undefined;
      if (onRelease) return setReleaseProblem({ message: onRelease.message, code: onRelease.code });
      if (code && RELEASE_CODES.has(code)) {
        setReleaseProblem({ message: err.message, code });
        focusRelease.current = true;
        return;
      }
      setFileProblem({ message: err.message, code });
    },
  });

  const commit = useMutation({
    mutationFn: (args: { preview: ReferencePreview; acceptRefused: boolean }) =>
      call('reference:commit', { stagedId: args.preview.stagedId, acceptRefused: args.acceptRefused }),
    onSuccess: (view, args) => {
      setDone({ view, leftOut: args.acceptRefused ? args.preview.refusedRows : 0 });
      clearFile();
      setRelease('');
      // Reference data changes code checks, readiness and transitions across the app: every
      // cached answer is stale (only this page's queries are fetched again now).
      void queryClient.invalidateQueries();
    },
  });

  const busy = preview.isPending || commit.isPending;
  useEffect(() => {
    if (busy || !focusRelease.current) return;
    focusRelease.current = false;
    releaseRef.current?.focus();
  }, [busy, releaseProblem]);
  const shown = preview.isSuccess ? preview.data : null;

  function clearFile() {
    setFiles([]);
    setInputKey((k) => k + 1);
    setAccepted(false);
    preview.reset();
  }

  function chooseKind(next: ReferenceKind) {
    setKind(next);
    clearFile();
    commit.reset();
    setRelease('');
    setFileProblem(null);
    setReleaseProblem(null);
  }

  function read() {
    setDone(null);
    commit.reset();
    setFileProblem(null);
    setReleaseProblem(null);
    if (files.length === 0) return setFileProblem({ message: 'Choose the file to import.' });
    if (!words.multiple && files.length > 1) {
      return setFileProblem({ message: `A ${words.title} is one file (or the zip CMS publishes); choose one.` });
    }
    const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
    if (tooBig) return setFileProblem({ message: `${tooBig.name} is larger than 120 MB.` });
    if (files.reduce((sum, f) => sum + f.size, 0) > MAX_TOTAL_BYTES) {
      return setFileProblem({ message: 'Together these files are larger than 145 MB: choose the zip instead.' });
    }
    const typed = normalizeRelease(release);
    if (typed !== '' && !RELEASE_PATTERN.test(typed)) {
      return setReleaseProblem({
        message: 'Write the release as a quarter, like 2025Q3, or as a date, like 2025-06-30.',
      });
    }
    if (typed !== release) setRelease(typed);
    preview.mutate({ kind, files, release: typed });
  }

  const fileNames = files.map((f) => f.name).join(' and ');

  return (
    <Card withBorder>
      <form
        noValidate
        aria-label="Import reference data"
        onSubmit={(e) => {
          e.preventDefault();
          read();
        }}
      >
        <Stack>
          <Title order={3}>Import a file</Title>
          <Radio.Group label="What are you importing?" value={kind} onChange={(v) => chooseKind(v as ReferenceKind)}>
            <Stack gap="xs" mt={6}>
              {KIND_ORDER.map((k) => (
                <Radio
                  key={k}
                  value={k}
                  disabled={busy}
                  label={KIND_WORDS[k].title}
                  description={KIND_WORDS[k].source}
                />
              ))}
            </Stack>
          </Radio.Group>

          <Group align="flex-start" gap="xl">
            <Input.Wrapper
              id={fileInputId}
              label={words.multiple ? 'File or files' : 'File'}
              description={words.fileHint}
              error={fileProblem && <ProblemText problem={fileProblem} />}
              maw={520}
              data-testid="reference-file-field"
            >
              <input
                key={`${kind}-${inputKey}`}
                id={fileInputId}
                type="file"
                accept={words.accept}
                multiple={words.multiple}
                disabled={busy}
                onChange={(e) => {
                  setFiles(Array.from(e.currentTarget.files ?? []));
                  setFileProblem(null);
                  setReleaseProblem(null);
                  setDone(null);
                  commit.reset();
                  preview.reset();
                }}
              />
            </Input.Wrapper>
            <TextInput
              ref={releaseRef}
              label="Release (optional)"
              description={words.releaseHint}
              placeholder="Taken from the file"
              w={300}
              disabled={busy}
              value={release}
              error={releaseProblem && <ProblemText problem={releaseProblem} />}
              onChange={(e) => {
                setRelease(e.currentTarget.value);
                setReleaseProblem(null);
              }}
            />
          </Group>

          <Group>
            <Button type="submit" disabled={busy || files.length === 0} variant={shown ? 'default' : 'filled'}>
              {shown ? 'Read the file again' : 'Read the file'}
            </Button>
            <Text size="sm" c="dimmed">
              Nothing is saved until you press “Import”.
            </Text>
          </Group>

          {busy && (
            <Stack gap={4} data-testid="reference-busy">
              <Text size="sm">
                {commit.isPending
                  ? 'Saving the rows…'
                  : `Reading ${fileNames || 'the file'}… A large file takes a few seconds.`}
              </Text>
              <Progress
                value={100}
                animated
                striped
                aria-label={commit.isPending ? 'Saving the rows' : 'Reading the file'}
              />
            </Stack>
          )}

          {shown && (
            <>
              <ReferencePreviewView preview={shown} />
              {shown.refusedRows > 0 && shown.validRows > 0 && (
                <Checkbox
                  label={`Leave out the ${count(shown.refusedRows, ['refused row', 'refused rows'])}`}
                  description="They are not imported; correct them in the file and import it again to include them."
                  checked={accepted}
                  disabled={busy}
                  onChange={(e) => setAccepted(e.currentTarget.checked)}
                />
              )}
              {shown.validRows === 0 && (
                <Text size="sm" c="red.8">
                  No row of this file can be imported: see the refused rows above.
                </Text>
              )}
              {commit.isError && (
                <Alert color="red" title="Nothing was imported" data-testid="reference-commit-error">
                  <ProblemText
                    problem={{
                      message: commit.error.message,
                      code: commit.error instanceof ApiError ? commit.error.code : undefined,
                    }}
                  />
                </Alert>
              )}
              <Group>
                <Button
                  loading={commit.isPending}
                  disabled={busy || shown.validRows === 0 || (shown.refusedRows > 0 && !accepted)}
                  onClick={() => commit.mutate({ preview: shown, acceptRefused: accepted })}
                >
                  Import {count(shown.validRows, ['row', 'rows'])}
                </Button>
                <Button variant="default" disabled={busy} onClick={clearFile}>
                  Cancel
                </Button>
              </Group>
            </>
          )}

          {done && <ImportedMessage done={done} />}
        </Stack>
      </form>
    </Card>
  );
}

function ImportedMessage({ done: { view, leftOut } }: { done: Done }) {
  const words = KIND_WORDS[view.kind];
  return (
    <Alert color="teal" title={`${words.title} ${view.release} imported`} data-testid="reference-imported">
      {count(view.rowsTaken, ['row', 'rows'])} imported from {view.fileName}
      {leftOut > 0 ? `; ${count(leftOut, ['refused row was', 'refused rows were'])} left out` : ''}.{' '}
      {view.current
        ? 'The code check uses it from now on.'
        : 'A newer release stays in use; this one is kept for comparison.'}
    </Alert>
  );
}
