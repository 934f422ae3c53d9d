import { expect } from 'chai';
import { artifacts } from 'hardhat';

/** Opcodes a Berlin chain (the PoA sidechain) does not have. */
const POST_BERLIN_OPCODES: Record<number, string> = {
    0x48: 'BASEFEE (London)',
    0x49: 'BLOBHASH (Cancun)',
    0x4a: 'BLOBBASEFEE (Cancun)',
    0x5c: 'TLOAD (Cancun)',
    0x5d: 'TSTORE (Cancun)',
    0x5e: 'MCOPY (Cancun)',
    0x5f: 'PUSH0 (Shanghai)',
};

/**
 * The opcodes of a runtime bytecode: PUSH data skipped, and scanning stopped at the first INVALID
 * (0xfe), after which solc places its data (large constants read with CODECOPY, then the CBOR
 * metadata). A cheap early warning; the sidechain end-to-end run on a Berlin node is the proof.
 */
function opcodes(bytecode: string): number[] {
    const code = Buffer.from(bytecode.replace(/^0x/, ''), 'hex');
    // solc appends CBOR metadata whose length is in the last two bytes.
    const end = code.length >= 2 ? code.length - 2 - code.readUInt16BE(code.length - 2) : code.length;
    const ops: number[] = [];
    for (let i = 0; i < Math.max(end, 0); i++) {
        const op = code[i];
        if (op === 0xfe) break;
        ops.push(op);
        if (op >= 0x60 && op <= 0x7f) i += op - 0x5f;
    }
    return ops;
}

describe('EVM target', function () {
    it('compiles every contract into bytecode a Berlin chain can run (one bytecode for every chain)', async function () {
        const offenders: string[] = [];
        for (const name of await artifacts.getAllFullyQualifiedNames()) {
            // The runtime code (the creation code embeds it, with its metadata in the middle).
            const { deployedBytecode } = await artifacts.readArtifact(name);
            for (const op of new Set(opcodes(deployedBytecode))) {
                if (POST_BERLIN_OPCODES[op]) offenders.push(`${name}: ${POST_BERLIN_OPCODES[op]}`);
            }
        }
        expect(offenders).to.deep.equal([]);
    });

    it('would notice a post-Berlin opcode', function () {
        // PUSH1 0x5f (data, ignored), then PUSH0, then no metadata (length 0).
        expect(opcodes('0x605f5f0000')).to.include(0x5f);
        expect(opcodes('0x605f0000')).to.not.include(0x5f);
        // Data after INVALID is not code.
        expect(opcodes('0x00fe5f0000')).to.not.include(0x5f);
    });
});
