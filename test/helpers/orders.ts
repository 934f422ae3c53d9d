import { ZeroAddress, ZeroHash } from 'ethers';
import type { IexecLibOrders_v5 } from '../../typechain-types/contracts/mocks/MatchOrdersMockFacet';

/**
 * Four unsigned orders for calldata-level tests of the deposit-and-match path (`receiveApproval`
 * with `matchOrders` data), where only the request order's requester, `appmaxprice` and `params`
 * matter. Signed orders for the real Clerk come from the `sdk/` order builder.
 */
export function unsignedOrders(request: {
    requester: string;
    appmaxprice?: bigint;
    params?: string;
}): [
    IexecLibOrders_v5.AppOrderStruct,
    IexecLibOrders_v5.DatasetOrderStruct,
    IexecLibOrders_v5.WorkerpoolOrderStruct,
    IexecLibOrders_v5.RequestOrderStruct,
] {
    const app: IexecLibOrders_v5.AppOrderStruct = {
        app: ZeroAddress,
        appprice: 0n,
        volume: 1n,
        tag: ZeroHash,
        datasetrestrict: ZeroAddress,
        workerpoolrestrict: ZeroAddress,
        requesterrestrict: ZeroAddress,
        salt: ZeroHash,
        sign: '0x',
    };
    const dataset: IexecLibOrders_v5.DatasetOrderStruct = {
        dataset: ZeroAddress,
        datasetprice: 0n,
        volume: 0n,
        tag: ZeroHash,
        apprestrict: ZeroAddress,
        workerpoolrestrict: ZeroAddress,
        requesterrestrict: ZeroAddress,
        salt: ZeroHash,
        sign: '0x',
    };
    const workerpool: IexecLibOrders_v5.WorkerpoolOrderStruct = {
        workerpool: ZeroAddress,
        workerpoolprice: 0n,
        volume: 1n,
        tag: ZeroHash,
        category: 0n,
        trust: 0n,
        apprestrict: ZeroAddress,
        datasetrestrict: ZeroAddress,
        requesterrestrict: ZeroAddress,
        salt: ZeroHash,
        sign: '0x',
    };
    const requestorder: IexecLibOrders_v5.RequestOrderStruct = {
        app: ZeroAddress,
        appmaxprice: request.appmaxprice ?? 0n,
        dataset: ZeroAddress,
        datasetmaxprice: 0n,
        workerpool: ZeroAddress,
        workerpoolmaxprice: 0n,
        requester: request.requester,
        volume: 1n,
        tag: ZeroHash,
        category: 0n,
        trust: 0n,
        beneficiary: request.requester,
        callback: ZeroAddress,
        params: request.params ?? '',
        salt: ZeroHash,
        sign: '0x',
    };
    return [app, dataset, workerpool, requestorder];
}
