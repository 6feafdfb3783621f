/** The bank workload's accounts: ids 0..ACCOUNTS-1, each opened with INITIAL_BALANCE, so the total is constant. */
export const BANK_ACCOUNTS = 5;
export const BANK_INITIAL_BALANCE = 20;
export const BANK_TOTAL = BANK_ACCOUNTS * BANK_INITIAL_BALANCE;
