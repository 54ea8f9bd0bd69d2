// jest project "api:mysql": integration tests run against the MySQL-compatible server.
process.env.LOOPMALL_TEST_DB = 'mysql';
