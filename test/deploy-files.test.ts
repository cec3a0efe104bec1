// The packaging files (Dockerfile, compose.yaml, deploy/) and the configuration guide are read
// here and held to the code: they cannot be built or started in the test run, so what they
// promise (a non-root user, a data volume, the port, variable names the config reads, no demo)
// is checked against src/ instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ENVIRONMENT_VARIABLES, loadConfig } from "../src/core/config.ts";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/**
 * The Node flag that keeps the server's young generation small (npm start's, read from
 * package.json): the image and the systemd unit start the server with the same.
 */
function serverNodeFlag(): string {
  const start = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts.start;
  const m = /^node (--max-semi-space-size=\d+) bin\/tambon\.js serve\b/.exec(start);
  assert.ok(m, `npm start gives the server its Node flag: ${start}`);
  return m[1]!;
}

/** The Dockerfile's instructions of the last stage: [keyword, arguments], continuations joined. */
function dockerInstructions(text: string): { stages: string[][][]; last: string[][] } {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const stages: string[][][] = [];
  for (const line of logical) {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    assert.ok(m, `a Dockerfile line without an instruction: ${line}`);
    const [, keyword, args] = m;
    if (keyword!.toUpperCase() === "FROM") stages.push([]);
    stages.at(-1)!.push([keyword!.toUpperCase(), args!]);
  }
  return { stages, last: stages.at(-1)! };
}

/**
 * A small reader for the YAML of compose.yaml: nested maps by indentation, `- item` lists and
 * plain, single- or double-quoted scalars (what that file uses; anything else fails the test).
 */
function readYaml(text: string): unknown {
  const lines = text
    .split(/\r?\n/)
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim() }))
    .filter((l) => l.text && !l.text.startsWith("#"));
  let i = 0;
  const scalar = (s: string): unknown => {
    if (/^".*"$/.test(s)) return JSON.parse(s);
    if (/^'.*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
    if (/^\[.*\]$/.test(s)) return JSON.parse(s);
    return s;
  };
  const block = (indent: number): unknown => {
    if (lines[i]!.text.startsWith("- ")) {
      const list: unknown[] = [];
      while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith("- "))
        list.push(scalar(lines[i++]!.text.slice(2).trim()));
      return list;
    }
    const map: Record<string, unknown> = {};
    while (i < lines.length && lines[i]!.indent === indent) {
      const m = /^([\w.-]+):(?:\s+(.*))?$/.exec(lines[i]!.text);
      assert.ok(m, `compose.yaml: cannot read "${lines[i]!.text}"`);
      i++;
      if (m[2] !== undefined) map[m[1]!] = scalar(m[2]);
      else if (i < lines.length && lines[i]!.indent > indent) map[m[1]!] = block(lines[i]!.indent);
      else map[m[1]!] = null;
    }
    return map;
  };
  const doc = block(0);
  assert.equal(i, lines.length, "compose.yaml read to its end");
  return doc;
}

/** Every `process.env.NAME` / `process.env["NAME"]` in the code that runs in production. */
function variablesReadByCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["src", "bin"]) {
    for (const name of readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
      if (!/\.(tsx?|m?js)$/.test(name) || /\.test\.tsx?$/.test(name)) continue;
      const file = path.join(dir, name);
      const text = read(file);
      for (const m of text.matchAll(
        /process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*["']([^"']+)["']\s*\])/g,
      ))
        found.set(m[1] ?? m[2]!, file);
      assert.doesNotMatch(
        text,
        /process\.env\[\s*[^"'\s]/,
        `${file} reads an environment variable by a computed name the guard cannot see`,
      );
    }
  }
  return found;
}

/** The variables named in the first column of docs/configuration.md's table. */
function documentedVariables(): Set<string> {
  const names = new Set<string>();
  for (const m of read("docs/configuration.md").matchAll(/^\| `([A-Z_][A-Z0-9_]*)`/gm))
    names.add(m[1]!);
  return names;
}

test("every environment variable the code reads is validated by config.ts and documented", () => {
  const read = variablesReadByCode();
  const documented = documentedVariables();
  const validated = new Set(ENVIRONMENT_VARIABLES);
  assert.ok(read.size >= 3, "the guard finds the variables the code reads");
  for (const [name, file] of read) {
    assert.ok(validated.has(name), `${file} reads ${name}: add it to the schema in config.ts`);
    assert.ok(documented.has(name), `${file} reads ${name}: add it to docs/configuration.md`);
  }
  for (const name of validated)
    assert.ok(documented.has(name), `config.ts reads ${name}: add it to docs/configuration.md`);
  for (const name of documented)
    assert.ok(
      validated.has(name),
      `docs/configuration.md lists ${name}, which config.ts does not read`,
    );
});

test("the image runs as a non-root user with a data volume, on the port it exposes, without the demo", () => {
  const { stages, last } = dockerInstructions(read("Dockerfile"));
  for (const stage of stages) assert.match(stage[0]![1]!, /^node:24[-.\w]*/, "Node 24 base");
  const all = (kw: string) => last.filter(([k]) => k === kw).map(([, a]) => a!);
  const user = all("USER").at(-1);
  assert.ok(user && !/^(root|0)(:|$)/.test(user), `USER is not root: ${user}`);
  const cmdAt = last.findIndex(([k]) => k === "CMD");
  assert.ok(last.findIndex(([k]) => k === "USER") < cmdAt, "USER before the command");

  // ENV of the image, read as the config reads it.
  const env: Record<string, string> = {};
  for (const args of all("ENV"))
    for (const m of args.matchAll(/([A-Z_][A-Z0-9_]*)=("[^"]*"|\S+)/g))
      env[m[1]!] = m[2]!.replace(/^"|"$/g, "");
  for (const name of Object.keys(env))
    assert.ok(
      ENVIRONMENT_VARIABLES.includes(name),
      `Dockerfile sets ${name}, unknown to config.ts`,
    );
  assert.equal(env.NODE_ENV, "production");
  assert.equal(env.HOST, "0.0.0.0", "reachable from outside the container");
  const volume = JSON.parse(all("VOLUME")[0]!) as string[];
  assert.deepEqual(volume, [env.TAMBON_DATA_DIR], "the data directory is the volume");
  assert.deepEqual(all("EXPOSE"), [env.PORT], "EXPOSE is the port served");
  const config = loadConfig({ ...env, CHROMIUM_PATH: "", TAMBON_SECRET: "x".repeat(32) }, root);
  assert.equal(String(config.port), all("EXPOSE")[0]);

  const cmd = JSON.parse(all("CMD").at(-1)!) as string[];
  assert.equal(cmd[0], "node");
  const script = cmd.indexOf("bin/tambon.js");
  assert.deepEqual(cmd.slice(script, script + 2), ["bin/tambon.js", "serve"]);
  assert.deepEqual(cmd.slice(1, script), [serverNodeFlag()], "the server's Node flag");
  assert.ok(!cmd.includes("--demo-on-first-start"), "the image never loads the demo");
  const health = all("HEALTHCHECK")[0] ?? "";
  assert.match(health, /\/healthz/);

  // What the build stage installs and builds, and what the image must carry from it.
  const build = stages[0]!.map(([k, a]) => `${k} ${a}`).join("\n");
  assert.match(build, /npm ci --omit=dev/);
  assert.match(build, /COPY src /, "the sources are there when npm ci's prepare script builds");
  assert.match(build, /COPY [^\n]*tsconfig\.json/, "esbuild compiles with the project's settings");
  const pkg = JSON.parse(read("package.json")) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };
  assert.match(pkg.scripts.prepare!, /scripts\/build\.mjs/, "npm ci builds dist/");
  assert.ok(pkg.dependencies.esbuild, "the build's compiler is a production dependency");
  const copied = all("COPY").join("\n");
  for (const needed of [
    "dist",
    "drizzle",
    "seed",
    "bin",
    "scripts",
    "node_modules",
    "package.json",
  ])
    assert.match(copied, new RegExp(`/app/${needed}\\b`), `the image has ${needed}`);
  assert.match(all("RUN").join("\n"), /chromium.*fonts-thai-tlwg|fonts-thai-tlwg.*chromium/);
});

test("compose runs Tambon on PostgreSQL with health checks, volumes and variables the config reads", () => {
  const compose = readYaml(read("compose.yaml")) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const { tambon, db } = compose.services as Record<string, Record<string, unknown>>;
  assert.ok(tambon && db);
  const env = tambon.environment as Record<string, string>;
  for (const name of Object.keys(env))
    assert.ok(ENVIRONMENT_VARIABLES.includes(name), `compose sets ${name}, unknown to config.ts`);
  assert.match(env.DATABASE_URL!, /^postgres:\/\/tambon:.*@db:5432\/tambon$/);
  assert.deepEqual(tambon.depends_on, { db: { condition: "service_healthy" } });
  assert.match(String((db.healthcheck as { test: string[] }).test), /pg_isready/);
  assert.match(String(db.image), /^postgres:1[5-9]/, "PostgreSQL 15 or newer");
  const volumeNames = (svc: Record<string, unknown>) =>
    (svc.volumes as string[]).map((v) => v.split(":")[0]!);
  for (const name of [...volumeNames(tambon), ...volumeNames(db)])
    assert.ok(name in compose.volumes, `volume ${name} is declared`);
  assert.ok((tambon.volumes as string[]).includes("tambon-data:/data"));
  const dockerEnv = dockerInstructions(read("Dockerfile"))
    .last.filter(([k]) => k === "EXPOSE")
    .map(([, a]) => a);
  assert.deepEqual(
    (tambon.ports as string[]).map((p) => p.split(":").at(-1)),
    dockerEnv,
    "compose publishes the port the image exposes",
  );
});

test("the systemd unit starts serve without the demo, as its own user, hardened", () => {
  const unit = read("deploy/tambon.service");
  const keys = new Map<string, string[]>();
  for (const m of unit.matchAll(/^([A-Za-z]+)=(.*)$/gm))
    keys.set(m[1]!, [...(keys.get(m[1]!) ?? []), m[2]!]);
  const one = (k: string) => keys.get(k)?.[0];
  assert.ok(one("User") && one("User") !== "root");
  assert.match(one("ExecStart")!, /bin\/tambon\.js serve$/);
  assert.deepEqual(one("ExecStart")!.split(" ").slice(1, -2), [serverNodeFlag()]);
  assert.match(one("Restart")!, /^(on-failure|always)$/);
  assert.ok(one("EnvironmentFile"));
  assert.ok(keys.get("Environment")!.includes("NODE_ENV=production"));
  for (const [k, v] of [
    ["NoNewPrivileges", "true"] as const,
    ["ProtectSystem", "strict"] as const,
    ["ProtectHome", "true"] as const,
    ["PrivateTmp", "true"] as const,
  ])
    assert.equal(one(k), v, k);
  const dataDir = keys.get("Environment")!.find((e) => e.startsWith("TAMBON_DATA_DIR="));
  assert.equal(
    dataDir,
    `TAMBON_DATA_DIR=/var/lib/${one("StateDirectory")}`,
    "writes its state dir",
  );
  // The example environment file holds only variables the config reads.
  for (const m of read("deploy/tambon.env.example").matchAll(/^#?\s*([A-Z_][A-Z0-9_]*)=/gm))
    assert.ok(ENVIRONMENT_VARIABLES.includes(m[1]!), `tambon.env.example: ${m[1]}`);
});

test("the proxy examples pass the forwarding headers, set HSTS and match TRUST_PROXY", () => {
  const nginx = read("deploy/nginx.conf");
  assert.match(nginx, /proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  assert.match(nginx, /proxy_set_header X-Forwarded-Proto \$scheme;/);
  assert.match(nginx, /Strict-Transport-Security "max-age=\d+"/);
  assert.match(nginx, /return 301 https:/);
  const caddy = read("deploy/Caddyfile");
  assert.match(caddy, /reverse_proxy 127\.0\.0\.1:3000/);
  assert.match(caddy, /Strict-Transport-Security "max-age=\d+"/);
  for (const text of [nginx, caddy, read("deploy/tambon.env.example")]) {
    const trust = /TRUST_PROXY=(\S+)/.exec(text)?.[1];
    assert.ok(trust, "the example names TRUST_PROXY");
    const c = loadConfig({ TRUST_PROXY: trust, TAMBON_SECRET: "x".repeat(32) }, root);
    assert.equal(c.trustProxy, "127.0.0.1", "the proxy on this machine, nobody else");
  }
});
