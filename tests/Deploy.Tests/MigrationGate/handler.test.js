// Run by MigrationGateHandlerTests (and by hand: node --test tests/Deploy.Tests/MigrationGate/).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { checkSecrets, decide, gate, statements } = require('../../../src/Deploy/Constructs/MigrationGate/handler.js');

const env = {
  CLUSTER: 'cluster', TASK_DEFINITION: 'td', CONTAINER: 'migrations', SUBNETS: 'a,b', SECURITY_GROUPS: 'sg', IMAGE_TAG: 't', POLL_MS: '0',
};

function fakeEcs(exitCode) {
  const calls = [];
  const ecs = async (command, input) => {
    calls.push(command);
    if (command === 'RunTask') return { tasks: [{ taskArn: 'arn:task' }], failures: [] };
    if (command === 'DescribeTasks') return { tasks: [{ lastStatus: 'STOPPED', containers: [{ name: env.CONTAINER, exitCode }] }] };
    return {};
  };
  return { ecs, calls };
}

const forever = () => 900000;

for (const status of ['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS']) {
  test(`a deployment (${status}) runs the job`, () => {
    assert.equal(decide(status).run, true);
  });
}

for (const status of ['UPDATE_ROLLBACK_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'IMPORT_ROLLBACK_IN_PROGRESS']) {
  test(`a rollback (${status}) does not run the job`, () => {
    assert.equal(decide(status).run, false);
  });
}

test('an unknown stack status is an error, not a silent skip', () => {
  assert.throws(() => decide(undefined), /unknown stack status/);
  assert.throws(() => decide(''), /unknown stack status/);
});

test('a rollback succeeds without starting a task', async () => {
  const { ecs, calls } = fakeEcs(1);
  assert.deepEqual(await gate(env, ecs, async () => 'UPDATE_ROLLBACK_IN_PROGRESS', forever), { skipped: true });
  assert.deepEqual(calls, []);
});

test('a deployment runs the task and succeeds on exit code 0', async () => {
  const { ecs, calls } = fakeEcs(0);
  assert.deepEqual(await gate(env, ecs, async () => 'UPDATE_IN_PROGRESS', forever), { taskArn: 'arn:task', exitCode: 0 });
  assert.deepEqual(calls, ['RunTask', 'DescribeTasks']);
});

test('a deployment fails when the job exits non-zero', async () => {
  const { ecs } = fakeEcs(1);
  await assert.rejects(gate(env, ecs, async () => 'UPDATE_IN_PROGRESS', forever), /migrations failed: exitCode=1/);
});

test('a deployment fails when the stack status cannot be read', async () => {
  const { ecs, calls } = fakeEcs(0);
  await assert.rejects(gate(env, ecs, async () => { throw new Error('throttled'); }, forever), /throttled/);
  assert.deepEqual(calls, []);
});

const server = {
  cluster: 'arn:cluster', secret: 'arn:secret', roles: ['api', 'migrations'],
  databases: [{ name: 'appdb', owners: ['migrations'], users: ['api'] }, { name: 'reports', owners: [], users: [] }],
};

function fakeSql({ existing = [], resumingTimes = 0 } = {}) {
  const calls = [];
  let resuming = resumingTimes;
  const sql = async (input) => {
    if (resuming > 0) {
      resuming -= 1;
      throw Object.assign(new Error('resuming'), { name: 'DatabaseResumingException' });
    }
    calls.push(input);
    if (input.sql.startsWith('SELECT 1 FROM pg_database')) {
      return { records: existing.includes(input.parameters[0].value.stringValue) ? [[{ longValue: 1 }]] : [] };
    }
    return {};
  };
  return { sql, calls };
}

test('database access: every role signs in with IAM and each database admits only its roles', () => {
  const sqls = statements(server).map((s) => `${s.database}: ${s.sql ?? 'create ' + s.createDatabase}`);
  assert.ok(sqls.includes('postgres: GRANT rds_iam TO "api"'));
  assert.ok(sqls.includes('postgres: REVOKE ALL ON DATABASE "appdb" FROM PUBLIC'));
  assert.ok(sqls.includes('postgres: GRANT CONNECT ON DATABASE "appdb" TO "api"'));
  assert.ok(sqls.includes('appdb: GRANT USAGE, CREATE ON SCHEMA public TO "migrations"'));
  assert.ok(sqls.includes('appdb: ALTER DEFAULT PRIVILEGES FOR ROLE "migrations" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "api"'));
  assert.ok(sqls.includes('postgres: REVOKE ALL ON DATABASE "reports" FROM PUBLIC'));
  assert.ok(!sqls.some((s) => s.includes('"api"') && s.includes('"reports"')), 'api gets nothing on reports');
  assert.ok(!sqls.some((s) => /GRANT (CREATE|ALL)[^;]*TO "api"/.test(s)), 'api gets no DDL');
});

test('database access: identifiers are quoted', () => {
  const sqls = statements({ ...server, databases: [{ name: 'we"ird', owners: [], users: ['api'] }] }).map((s) => s.sql ?? '');
  assert.ok(sqls.includes('GRANT CONNECT ON DATABASE "we""ird" TO "api"'));
});

test('database access: a missing database is created, an existing one is not, through the Data API as the master', async () => {
  const { sql, calls } = fakeSql({ existing: ['appdb'] });
  assert.deepEqual(await gate({ DATABASES: JSON.stringify([server]) }, async () => assert.fail('no task'), async () => 'UPDATE_IN_PROGRESS', forever, sql), { granted: true });
  const creates = calls.filter((c) => c.sql.startsWith('CREATE DATABASE')).map((c) => c.sql);
  assert.deepEqual(creates, ['CREATE DATABASE "reports"']);
  assert.ok(calls.every((c) => c.resourceArn === 'arn:cluster' && c.secretArn === 'arn:secret'));
});

test('database access: a resuming cluster is retried, then the job runs', async () => {
  const { sql, calls } = fakeSql({ resumingTimes: 1 });
  const { ecs, calls: ecsCalls } = fakeEcs(0);
  const result = await gate({ ...env, DATABASES: JSON.stringify([server]) }, ecs, async () => 'UPDATE_IN_PROGRESS', forever, sql);
  assert.deepEqual(result, { taskArn: 'arn:task', exitCode: 0 });
  assert.ok(calls.length > 0);
  assert.deepEqual(ecsCalls, ['RunTask', 'DescribeTasks']);
});

test('database access: a rollback changes nothing', async () => {
  const { sql, calls } = fakeSql();
  assert.deepEqual(await gate({ DATABASES: JSON.stringify([server]) }, async () => assert.fail('no task'), async () => 'UPDATE_ROLLBACK_IN_PROGRESS', forever, sql), { skipped: true });
  assert.deepEqual(calls, []);
});

// The secrets check: SECRETS as MigrationGate.cs writes it, SET_SECRET_COMMAND with its {name} and {arn} slots.
const secrets = [
  { name: 'smtp-password', arn: 'arn:aws:secretsmanager:eu-west-1:1:secret:AppSecretSmtpPassword-aBcDeF' },
  { name: 'api-token', arn: 'arn:aws:secretsmanager:eu-west-1:1:secret:AppSecretApiToken-gHiJkL' },
];
const setCommand = "read -rsp '{name}: ' SECRET_VALUE | aws secretsmanager put-secret-value --secret-id {arn} --secret-string file:///dev/stdin";
const holding = (values) => async (arn) => values[secrets.findIndex((s) => s.arn === arn)];

test('a secret still holding the placeholder fails the check, naming it and the command that sets it', async () => {
  await assert.rejects(checkSecrets(secrets, holding(['UNSET', '{"value":"s3cr3t-Value"}']), setCommand), (e) => {
    assert.match(e.message, /'smtp-password'/);
    assert.doesNotMatch(e.message, /'api-token'/);
    assert.ok(e.message.includes(`read -rsp 'smtp-password: ' SECRET_VALUE | aws secretsmanager put-secret-value --secret-id ${secrets[0].arn} --secret-string file:///dev/stdin`));
    assert.ok(!e.message.includes('s3cr3t-Value'));
    return true;
  });
});

test('a secret holding anything but JSON {"value": "..."} fails the check without quoting it', async () => {
  for (const wrong of ['hunter2-plain', '{"password":"hunter2-json"}', '{"value":""}', '{"value":42}']) {
    await assert.rejects(checkSecrets(secrets.slice(0, 1), holding([wrong]), setCommand), (e) => {
      assert.match(e.message, /'smtp-password'/);
      assert.ok(!e.message.includes('hunter2'), e.message);
      return true;
    });
  }
});

test('set secrets pass the check, and nothing logged holds a value', async () => {
  const logged = [];
  const log = console.log;
  console.log = (...args) => logged.push(args.join(' '));
  try {
    await checkSecrets(secrets, holding(['{"value":"s3cr3t-One"}', '{"value":"s3cr3t-Two"}']), setCommand);
  } finally {
    console.log = log;
  }
  assert.ok(!logged.join('\n').includes('s3cr3t'));
});

test('the gate checks the secrets before it grants database access or starts a task', async () => {
  const { ecs, calls } = fakeEcs(0);
  await assert.rejects(gate({ ...env, SECRETS: JSON.stringify(secrets), SET_SECRET_COMMAND: setCommand,
    DATABASES: JSON.stringify([{ cluster: 'c', secret: 's', roles: [], databases: [] }]) },
  ecs, async () => 'CREATE_IN_PROGRESS', forever, async () => assert.fail('no SQL before the secrets are set'), holding(['UNSET', 'UNSET'])),
  /'smtp-password', 'api-token'/);
  assert.deepEqual(calls, []);
});

test('a rollback does not read the secrets', async () => {
  assert.deepEqual(await gate({ SECRETS: JSON.stringify(secrets), SET_SECRET_COMMAND: setCommand },
    async () => assert.fail('no task'), async () => 'ROLLBACK_IN_PROGRESS', forever, undefined, async () => assert.fail('no read')), { skipped: true });
});

test('a gate with only secrets to check returns once they are set', async () => {
  assert.deepEqual(await gate({ SECRETS: JSON.stringify(secrets), SET_SECRET_COMMAND: setCommand },
    async () => assert.fail('no task'), async () => 'UPDATE_IN_PROGRESS', forever, undefined, holding(['{"value":"a"}', '{"value":"b"}'])), { checked: true });
});
