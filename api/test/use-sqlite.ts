// jest project "api:sqlite": the same integration tests against the embedded database.
process.env.LOOPMALL_TEST_DB = 'sqlite';
