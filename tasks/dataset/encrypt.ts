import { open } from 'fs/promises';
import { basename } from 'path';
import { task } from 'hardhat/config';
import { DATASET_MAGIC, encryptDatasetFile, isEncryptedDataset } from '../../sdk/dataset-crypto';
import { printFields } from '../lib/assets';
import { runTask, TaskError } from '../lib/errors';
import { exists, requireFile, shellWord } from '../lib/files';

interface Args {
    file: string;
    force: boolean;
}

async function startsLikeEncryptedDataset(path: string): Promise<boolean> {
    const handle = await open(path, 'r');
    try {
        const head = Buffer.alloc(DATASET_MAGIC.length);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return isEncryptedDataset(head.subarray(0, bytesRead));
    } finally {
        await handle.close();
    }
}

task(
    'dataset:encrypt',
    'Encrypt a dataset file with a fresh AES-256-GCM key: writes <file>.enc and <file>.key, prints the checksum to register',
)
    .addParam('file', 'The dataset file to encrypt')
    .addFlag('force', 'Overwrite <file>.enc and <file>.key if they exist')
    .setAction(async (args: Args, hre) =>
        runTask('dataset:encrypt', async () => {
            await requireFile(args.file, 'file');
            if (await startsLikeEncryptedDataset(args.file)) {
                throw new TaskError(`--file: ${args.file} is an encrypted dataset already`);
            }
            const [encrypted, keyFile] = [`${args.file}.enc`, `${args.file}.key`];
            if (!args.force) {
                for (const output of [encrypted, keyFile]) {
                    if (await exists(output)) throw new TaskError(`${output} exists already (--force to overwrite it)`);
                }
            }
            const { checksum, size } = await encryptDatasetFile(args.file, encrypted, keyFile, { force: args.force });
            printFields({
                encrypted: `${encrypted} (${size} bytes)`,
                key: `${keyFile} (mode 0600: keep it secret, give it only to the secret management service)`,
                checksum,
                next:
                    `upload ${basename(encrypted)}, then: npx hardhat dataset:create --name ${shellWord(basename(args.file))} ` +
                    `--multiaddr <its URL> --file ${shellWord(encrypted)} --network ${hre.network.name}`,
            });
        }),
    );
