// Migration gate: runs the job task once and fails unless it exits 0. Inlined by MigrationGate.cs, so it
// stays small and loads nothing but the SDK the Lambda runtime ships (lazily, so node --test runs it here).
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A rollback invokes the previous handler version: it must neither run that version's job again nor fail.
exports.decide = (stackStatus) => {
  if (typeof stackStatus !== 'string' || stackStatus === '') throw new Error('unknown stack status');
  return stackStatus.includes('ROLLBACK')
    ? { run: false, reason: `stack is ${stackStatus}: a rollback does not run the job` }
    : { run: true, reason: `stack is ${stackStatus}` };
};

exports.gate = async (env, ecs, stackStatus, remainingMs) => {
  const decision = exports.decide(await stackStatus());
  console.log(decision.reason);
  if (!decision.run) return { skipped: true };
  const run = await ecs('RunTask', {
    cluster: env.CLUSTER, taskDefinition: env.TASK_DEFINITION, launchType: 'FARGATE', count: 1, startedBy: 'migration-gate',
    networkConfiguration: { awsvpcConfiguration: {
      subnets: env.SUBNETS.split(','), securityGroups: env.SECURITY_GROUPS.split(','), assignPublicIp: 'DISABLED' } },
  });
  if ((run.failures || []).length > 0 || !run.tasks || run.tasks.length !== 1) {
    throw new Error('RunTask failed: ' + JSON.stringify(run.failures));
  }
  const taskArn = run.tasks[0].taskArn;
  console.log(`Started ${taskArn} (image ${env.IMAGE_TAG})`);
  for (;;) {
    if (remainingMs() < 30000) {
      await ecs('StopTask', { cluster: env.CLUSTER, task: taskArn, reason: 'Migration gate timed out' });
      throw new Error(`${env.CONTAINER} did not finish in time; stopped ${taskArn}`);
    }
    await sleep(Number(env.POLL_MS || 10000));
    const described = await ecs('DescribeTasks', { cluster: env.CLUSTER, tasks: [taskArn] });
    if ((described.failures || []).length > 0) throw new Error('DescribeTasks failed: ' + JSON.stringify(described.failures));
    const task = described.tasks[0];
    if (task.lastStatus !== 'STOPPED') continue;
    const container = (task.containers || []).find((c) => c.name === env.CONTAINER);
    const exitCode = container ? container.exitCode : undefined;
    console.log(`${taskArn} stopped: exitCode=${exitCode} stoppedReason=${task.stoppedReason}`);
    if (exitCode !== 0) {
      throw new Error(`${env.CONTAINER} failed: exitCode=${exitCode}, stoppedReason=${task.stoppedReason}, reason=${container && container.reason}`);
    }
    return { taskArn, exitCode };
  }
};

exports.handler = async (_event, context) => {
  const ECS = require('@aws-sdk/client-ecs');
  const CFN = require('@aws-sdk/client-cloudformation');
  const ecs = new ECS.ECSClient({});
  const cfn = new CFN.CloudFormationClient({});
  return exports.gate(
    process.env,
    (command, input) => ecs.send(new ECS[`${command}Command`](input)),
    async () => (await cfn.send(new CFN.DescribeStacksCommand({ StackName: process.env.STACK }))).Stacks[0].StackStatus,
    () => context.getRemainingTimeInMillis());
};
