/** Public entry of the points module: the ledger other modules credit and debit inside their transactions. */
export { pointsModule } from './points.module';
export { credit, debit, returnDebit } from './ledger';
