/** Public entry of the points module: the ledger other modules credit and debit inside their transactions. */
export { pointsModule } from './points.module';
export { balanceOf, clawback, credit, debit, returnDebit } from './ledger';
export { SigninReads } from './signin-reads';
export { PointsFlowReads } from './flow-reads';
