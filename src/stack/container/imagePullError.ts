import { HarnessError } from '../../core/index.ts';

/**
 * What Docker says when an image cannot be pulled or is not there: the registry refused or could not be
 * reached while pulling, or (testcontainers does not surface errors inside the pull stream) the container
 * could not be created because the image never arrived.
 */
const pullFailure = /no such image|pull access denied|manifest (for \S+ )?(not found|unknown)|repository does not exist|failed to pull|error pulling|registry|dial tcp|i\/o timeout|tls handshake|no such host|unauthorized|toomanyrequests|denied: /i;

/**
 * An image that cannot be pulled, as one line naming the image and how to load it without a registry
 * (docs/containers.md "Images without a registry"), exit 3: the environment, not the user's input.
 */
export function imagePullError(error: unknown, image: string): HarnessError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!pullFailure.test(message)) return undefined;
  const reason = message.split('\n')[0]!.replace(/^\(HTTP code \d+\)\s*/, '').slice(0, 200);
  return new HarnessError(
    `cannot pull the image ${image} (${reason}); fix: load it without a registry: on a machine that can pull, ` +
      `\`docker pull ${image} && docker save ${image} -o image.tar\`, then here \`docker load -i image.tar\` ` +
      '(docs/containers.md "Images without a registry"), or run with --stack local',
    { code: 'THAP_IMAGE_PULL', cause: error },
  );
}
