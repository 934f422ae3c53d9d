/**
 * Order tags: a bytes32 bit set, bit 0 being the least significant bit of byte 31. A deal's tag is
 * the union of the app, dataset and request tags, and the workerpool must offer every bit of it.
 */
import { isHexString, toBeHex, toBigInt } from 'ethers';

/** The bits the protocol and its clients give a meaning to. */
export const TagBit = {
    /** Trusted execution: the only bit matchOrders interprets (the app order must carry it if the dataset or request asks for it). */
    TEE: 0,
    /** Scone TEE framework (legacy). */
    SCONE: 1,
    /** Gramine TEE framework (legacy). */
    GRAMINE: 2,
    /** Intel TDX. */
    TDX: 3,
    /** GPU: a pure matching bit. */
    GPU: 8,
} as const;

export type TagBitName = keyof typeof TagBit;

/** The empty tag. */
export const NO_TAG = toBeHex(0, 32);

/** The bits of a dataset order's tag that matching ignores since PoCo 6.2 (bits 1-3, the TEE frameworks). */
export const DATASET_TEE_FRAMEWORK_MASK =
    (1n << BigInt(TagBit.SCONE)) | (1n << BigInt(TagBit.GRAMINE)) | (1n << BigInt(TagBit.TDX));

/** The tag with exactly these bits set. */
export function buildTag(bits: readonly TagBitName[]): string {
    return toBeHex(
        bits.reduce((tag, name) => tag | (1n << BigInt(TagBit[name])), 0n),
        32,
    );
}

/** Whether `tag` has the bit set. */
export function hasTagBit(tag: string, bit: TagBitName): boolean {
    return ((tagValue(tag) >> BigInt(TagBit[bit])) & 1n) === 1n;
}

/** The named bits set in `tag` (unnamed bits are ignored). */
export function tagBits(tag: string): TagBitName[] {
    return (Object.keys(TagBit) as TagBitName[]).filter((name) => hasTagBit(tag, name));
}

/** The union of tags. */
export function combineTags(...tags: string[]): string {
    return toBeHex(
        tags.reduce((all, tag) => all | tagValue(tag), 0n),
        32,
    );
}

/** What the `iexec` SDK 9 adds to every tag it signs for a TEE order: TEE + TDX. */
export const TEE_TDX_TAG = buildTag(['TEE', 'TDX']);

function tagValue(tag: string): bigint {
    if (!isHexString(tag, 32)) throw new Error(`"${tag}" is not a bytes32 tag`);
    return toBigInt(tag);
}
