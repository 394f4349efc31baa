/**
 * Stored bytes shown in the page (a PDF in a frame, an image as an image) through a Blob URL set
 * on the elements directly and revoked when the view goes away, so nothing is written outside the
 * app's data folder and the CSP needs only `blob:` for images and frames.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

/** The bytes of a base64 text (as the services send file contents). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export function BlobView(props: {
  fileName: string;
  mediaType: string;
  contentBase64: string;
  sha256: string;
  /** What the frame or image is called for assistive technology: "Scan" → "Scan: ch-7001.png". */
  label: string;
  testId?: string;
  /** Offer the browser's own Download link (off where the page offers its own Save). */
  downloadLink?: boolean;
  height?: number;
}) {
  const viewRef = useRef<HTMLImageElement & HTMLIFrameElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const isPdf = props.mediaType === 'application/pdf';

  useEffect(() => {
    const url = URL.createObjectURL(new Blob([bytesOfBase64(props.contentBase64)], { type: props.mediaType }));
    if (viewRef.current) viewRef.current.src = url;
    if (linkRef.current) linkRef.current.href = url;
    return () => URL.revokeObjectURL(url);
  }, [props.contentBase64, props.mediaType]);

  const name = `${props.label}: ${props.fileName}`;
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Group gap="sm">
        <Text size="sm">{props.fileName}</Text>
        {props.downloadLink !== false && (
          <Anchor ref={linkRef} download={props.fileName} size="sm">
            Download
          </Anchor>
        )}
        <Text size="xs" c="dimmed" className="mono" title={`SHA-256 of the stored file: ${props.sha256}`}>
          {props.sha256.slice(0, 12)}…
        </Text>
      </Group>
      {isPdf ? (
        <iframe
          ref={viewRef}
          title={name}
          style={{ width: '100%', height: props.height ?? 720, border: '1px solid var(--mantine-color-gray-4)' }}
        />
      ) : (
        <img ref={viewRef} alt={name} style={{ maxWidth: '100%', border: '1px solid var(--mantine-color-gray-4)' }} />
      )}
    </Stack>
  );
}
