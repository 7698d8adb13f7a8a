// Run by MigrationGateHandlerTests (and by hand: node --test tests/Deploy.Tests/MigrationGate/).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { decide, gate } = require('../../../src/Deploy/Constructs/MigrationGate/handler.js');

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
