// Migration gate: checks the operator-set secrets hold a value (SECRETS), creates the databases and the workloads'
// database roles (DATABASES), then runs the job task (TASK_DEFINITION) once and fails unless it exits 0. Inlined by MigrationGate.cs, so it loads nothing but the
// SDK the Lambda runtime ships (lazily, so node --test runs it here).
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ident = (name) => '"' + String(name).replaceAll('"', '""') + '"';
const list = (names) => names.map(ident).join(', ');

// The SQL that gives one Aurora cluster its databases and roles, each statement idempotent: run as the master
// user through the Data API, in the database it names. Roles sign in with IAM (rds_iam). A database admits only
// the roles granted CONNECT; owners (jobs: migrations) create the schema, users (services) read and write rows
// of the owners' tables, including tables the owners create later (default privileges).
exports.statements = (server) => {
  const out = [];
  const admin = (sql, parameters) => out.push({ database: 'postgres', sql, ...(parameters ? { parameters } : {}) });
  for (const role of server.roles) {
    admin(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${ident(role)} LOGIN; END IF; END $$`);
    admin(`GRANT rds_iam TO ${ident(role)}`);
  }
  for (const db of server.databases) {
    out.push({ database: 'postgres', createDatabase: db.name });
    admin(`REVOKE ALL ON DATABASE ${ident(db.name)} FROM PUBLIC`);
    if (db.owners.length > 0) admin(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db.name)} TO ${list(db.owners)}`);
    if (db.users.length > 0) admin(`GRANT CONNECT ON DATABASE ${ident(db.name)} TO ${list(db.users)}`);
    const inDb = (sql) => out.push({ database: db.name, sql });
    if (db.owners.length > 0) inDb(`GRANT USAGE, CREATE ON SCHEMA public TO ${list(db.owners)}`);
    if (db.users.length === 0) continue;
    inDb(`GRANT USAGE ON SCHEMA public TO ${list(db.users)}`);
    for (const owner of db.owners) {
      // Changing another role's default privileges takes membership in it.
      admin(`GRANT ${ident(owner)} TO CURRENT_USER`);
      inDb(`ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${list(db.users)}`);
      inDb(`ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${list(db.users)}`);
    }
    inDb(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${list(db.users)}`);
    inDb(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${list(db.users)}`);
  }
  return out;
};

// Runs the statements of every server; sql(input) is the Data API's ExecuteStatement. A paused Serverless v2
// cluster answers DatabaseResumingException until it has resumed (about 15 s): wait and retry.
exports.grantAccess = async (servers, sql, remainingMs) => {
  const run = async (server, input) => {
    for (;;) {
      try {
        return await sql({ resourceArn: server.cluster, secretArn: server.secret, ...input });
      } catch (e) {
        if (e.name !== 'DatabaseResumingException' || remainingMs() < 60000) throw e;
        console.log(`${server.cluster} is resuming; retrying`);
        await sleep(5000);
      }
    }
  };
  for (const server of servers) {
    for (const statement of exports.statements(server)) {
      if (statement.createDatabase) {
        const found = await run(server, { database: statement.database, sql: 'SELECT 1 FROM pg_database WHERE datname = :name',
          parameters: [{ name: 'name', value: { stringValue: statement.createDatabase } }] });
        if ((found.records || []).length === 0) await run(server, { database: statement.database, sql: `CREATE DATABASE ${ident(statement.createDatabase)}` });
      } else {
        await run(server, statement);
      }
    }
    console.log(`${server.cluster}: databases ${server.databases.map((d) => d.name).join(', ')} and roles ${server.roles.join(', ')} in place`);
  }
};

// Whether a secret's string is what the app reads: JSON {"value": "<non-empty string>"}. Never logged or quoted.
exports.isSet = (secretString) => {
  try {
    const parsed = JSON.parse(secretString);
    return typeof parsed === 'object' && parsed !== null && typeof parsed.value === 'string' && parsed.value !== '';
  } catch {
    return false;
  }
};

// Fails, naming each secret and the command that sets it, unless every one is set; read(arn) is GetSecretValue's
// SecretString. The message holds names, ARNs and commands only, never a value.
exports.checkSecrets = async (secrets, read, setCommand) => {
  const unset = [];
  for (const secret of secrets) {
    if (!exports.isSet(await read(secret.arn))) unset.push(secret);
  }
  if (unset.length === 0) {
    console.log(`secrets set: ${secrets.map((s) => s.name).join(', ')}`);
    return;
  }
  const commands = unset.map((s) => '  ' + setCommand.replaceAll('{name}', s.name).replaceAll('{arn}', s.arn));
  throw new Error(`Operator-set secret${unset.length > 1 ? 's' : ''} ${unset.map((s) => `'${s.name}'`).join(', ')}`
    + ' hold no JSON {"value": ...} yet (placeholder UNSET); nothing was started. Set each (the value is read from the terminal),'
    + ' then deploy again:\n' + commands.join('\n'));
};

// A rollback invokes the previous handler version: it must neither run that version's job again nor fail.
exports.decide = (stackStatus) => {
  if (typeof stackStatus !== 'string' || stackStatus === '') throw new Error('unknown stack status');
  return stackStatus.includes('ROLLBACK')
    ? { run: false, reason: `stack is ${stackStatus}: a rollback does not run the job` }
    : { run: true, reason: `stack is ${stackStatus}` };
};

exports.gate = async (env, ecs, stackStatus, remainingMs, sql, secretString) => {
  const decision = exports.decide(await stackStatus());
  console.log(decision.reason);
  if (!decision.run) return { skipped: true };
  if (env.SECRETS) await exports.checkSecrets(JSON.parse(env.SECRETS), secretString, env.SET_SECRET_COMMAND);
  if (env.DATABASES) await exports.grantAccess(JSON.parse(env.DATABASES), sql, remainingMs);
  if (!env.TASK_DEFINITION) return env.DATABASES ? { granted: true } : { checked: true };
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
  const RDS = require('@aws-sdk/client-rds-data');
  const ecs = new ECS.ECSClient({});
  const cfn = new CFN.CloudFormationClient({});
  const rds = new RDS.RDSDataClient({});
  const SM = require('@aws-sdk/client-secrets-manager');
  const sm = new SM.SecretsManagerClient({});
  return exports.gate(
    process.env,
    (command, input) => ecs.send(new ECS[`${command}Command`](input)),
    async () => (await cfn.send(new CFN.DescribeStacksCommand({ StackName: process.env.STACK }))).Stacks[0].StackStatus,
    () => context.getRemainingTimeInMillis(),
    (input) => rds.send(new RDS.ExecuteStatementCommand(input)),
    async (arn) => (await sm.send(new SM.GetSecretValueCommand({ SecretId: arn }))).SecretString);
};
