import { expect } from 'chai';
import { toBeHex } from 'ethers';
import {
    DATASET_TEE_FRAMEWORK_MASK,
    NO_TAG,
    TEE_TDX_TAG,
    TagBit,
    buildTag,
    combineTags,
    hasTagBit,
    tagBits,
} from '../../sdk/tags';

describe('sdk/tags', function () {
    it('numbers the bits from the least significant bit of byte 31 (marketplace.md §2.6)', function () {
        expect(TagBit).to.deep.equal({ TEE: 0, SCONE: 1, GRAMINE: 2, TDX: 3, GPU: 8 });
        expect(buildTag(['TEE'])).to.equal(toBeHex(0x01, 32));
        expect(buildTag(['GPU'])).to.equal(toBeHex(0x100, 32));
        expect(NO_TAG).to.equal(toBeHex(0, 32));
    });

    it("gives the iexec SDK's TEE tag 0x…09 (TEE + TDX)", function () {
        expect(TEE_TDX_TAG).to.equal(toBeHex(0x09, 32));
    });

    it('masks the dataset TEE-framework bits 1-3 (0x0e), never the TEE bit', function () {
        expect(DATASET_TEE_FRAMEWORK_MASK).to.equal(0x0en);
        expect(DATASET_TEE_FRAMEWORK_MASK & 1n).to.equal(0n);
    });

    it('reads the named bits back and combines tags', function () {
        const tag = combineTags(buildTag(['TEE']), buildTag(['GPU', 'SCONE']));
        expect(tagBits(tag)).to.deep.equal(['TEE', 'SCONE', 'GPU']);
        expect(hasTagBit(tag, 'TDX')).to.equal(false);
        expect(() => hasTagBit('0x01', 'TEE')).to.throw(/not a bytes32 tag/);
    });
});
