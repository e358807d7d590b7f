import { describe, expect, it } from 'vitest';
import { commandsOf, missingTools } from '../../src/run/tools.js';

describe('commandsOf: the programs a script calls', () => {
  it('takes the first word of each simple command, in order of first use, once each', () => {
    expect(commandsOf('node a.js\nnpm ci\nnode b.js\n')).toEqual(['node', 'npm']);
    expect(commandsOf('curl -s https://example.org; jq .name file.json\n')).toEqual(['curl', 'jq']);
  });

  it('leaves out shell keywords and builtins', () => {
    expect(commandsOf('if [ -f x ]; then echo yes; else printf "%s" no; fi\n')).toEqual([]);
    expect(commandsOf('cd app && export A=1 && source env.sh && set -x && test -d . && read -r line < f && true\n')).toEqual([]);
    expect(commandsOf('if ! grep -q x f; then kubectl apply -f y; elif true; then helm list; fi\n')).toEqual(['grep', 'kubectl', 'helm']);
    expect(commandsOf('command -v jq || echo "install jq"\n')).toEqual([]);
    expect(commandsOf('[[ -n "$X" ]] && make\n')).toEqual(['make']);
  });

  it('looks past variable assignments', () => {
    expect(commandsOf('A=1 node server.js\n')).toEqual(['node']);
    expect(commandsOf('A=1 B="two words" C=$HOME/x python3 -m http.server\n')).toEqual(['python3']);
    expect(commandsOf('COUNT=3\nNAME="x y"\n')).toEqual([]);
  });

  it('looks past wrappers: exec, env, sudo, time, nohup, !', () => {
    expect(commandsOf('exec sleep 60\n')).toEqual(['sleep']);
    expect(commandsOf('env FOO=1 BAR=2 node x.js\n')).toEqual(['node']);
    expect(commandsOf('sudo -E apt-get install -y jq\n')).toEqual(['apt-get']);
    expect(commandsOf('time make build\nnohup redis-server &\n')).toEqual(['make', 'redis-server']);
  });

  it('looks past the options of sudo and env, those that take a value included', () => {
    expect(commandsOf('sudo -u postgres psql -c "select 1"\n')).toEqual(['psql']);
    expect(commandsOf('env -u HOME node x.js\n')).toEqual(['node']);
  });

  it('splits pipelines and lists: | && || ; &', () => {
    expect(commandsOf('cat log | grep -v debug | wc -l\n')).toEqual(['cat', 'grep', 'wc']);
    expect(commandsOf('make || gmake && docker ps; podman ps & wait\n')).toEqual(['make', 'gmake', 'docker', 'podman']);
    expect(commandsOf('ls 2>&1 |& tee out.txt\n')).toEqual(['ls', 'tee']);
  });

  it('finds commands inside $( … ), backticks and sub-shells', () => {
    expect(commandsOf('version=$(git describe --tags)\n')).toEqual(['git']);
    expect(commandsOf('for f in $(find . -name "*.yaml"); do yamllint "$f"; done\n')).toEqual(['find', 'yamllint']);
    expect(commandsOf('echo `date +%s`\n')).toEqual(['date']);
    expect(commandsOf('(cd sub && terraform init)\n')).toEqual(['terraform']);
    expect(commandsOf('diff <(sort a.txt) <(sort b.txt)\n')).toEqual(['diff', 'sort']);
  });

  it('keeps $(( … )) arithmetic and ${ … } expansions inside their word', () => {
    expect(commandsOf('echo $((1 + 2))\nport=${PORT:-8080}\n')).toEqual([]);
  });

  it('does not read heredoc bodies', () => {
    const script = ['cat <<EOF > config.yaml', 'kubectl apply -f x', 'not-a-tool --flag', 'EOF', 'helm version', ''].join('\n');
    expect(commandsOf(script)).toEqual(['cat', 'helm']);
    expect(commandsOf(["psql <<'SQL'", 'select 1;', 'SQL', 'redis-cli ping', ''].join('\n'))).toEqual(['psql', 'redis-cli']);
    expect(commandsOf(['cat <<-"END" | tee f', '\tnot-a-tool', '\tEND', 'jq .', ''].join('\n'))).toEqual(['cat', 'tee', 'jq']);
  });

  it('does not split on | ; & inside quotes', () => {
    expect(commandsOf("grep -E 'error|warn' log.txt\n")).toEqual(['grep']);
    expect(commandsOf('echo "a | nottool; other & more"\n')).toEqual([]);
    expect(commandsOf('echo "say \\"hi | there\\"" | tr a-z A-Z\n')).toEqual(['tr']);
  });

  it('leaves out comments', () => {
    expect(commandsOf('# first install jq, then:\nnpm test # runs vitest | really\n')).toEqual(['npm']);
  });

  it('leaves out functions the script defines, in either syntax', () => {
    const script = [
      'greet() { echo "hi $1"; }',
      'function deploy {',
      '  kubectl apply -f x.yaml',
      '}',
      'function check() {',
      '  curl -sf localhost',
      '}',
      'greet you',
      'deploy',
      'check',
      '',
    ].join('\n');
    expect(commandsOf(script)).toEqual(['kubectl', 'curl']);
  });

  it('reads for, while and until loops: the loop words are no commands, the body is', () => {
    expect(commandsOf('for f in a.yaml b.yaml; do\n  kubectl apply -f "$f"\ndone\n')).toEqual(['kubectl']);
    expect(commandsOf('for i in 1 2 3; do echo "$i"; done\n')).toEqual([]);
    expect(commandsOf('while ! curl -sf localhost:8080; do sleep 1; done\n')).toEqual(['curl', 'sleep']);
    expect(commandsOf('until pg_isready; do\n  sleep 1\ndone\n')).toEqual(['pg_isready', 'sleep']);
  });

  it('reads a case statement: its patterns are no commands', () => {
    const script = ['case "$MODE" in', '  start)', '    node server.js', '    ;;', '  stop) pkill-server ;;', '  *)', '    echo "unknown"', '    ;;', 'esac', ''].join(
      '\n',
    );
    expect(commandsOf(script)).toEqual(['node', 'pkill-server']);
  });

  it('reads array assignments: their elements are no commands', () => {
    expect(commandsOf('services=(api web worker)\nfor s in "${services[@]}"; do docker restart "$s"; done\n')).toEqual(['docker']);
    expect(commandsOf('declare -a ports=(8080 8081)\n')).toEqual([]);
  });

  it('reads arithmetic commands: (( … )) and C-style for loops run no program', () => {
    expect(commandsOf('count=0\n(( count += 1 ))\n')).toEqual([]);
    expect(commandsOf('for ((i = 0; i < 3; i++)); do\n  echo "$i"\ndone\n')).toEqual([]);
  });

  it('leaves out paths, computed commands and redirection targets', () => {
    expect(commandsOf('./run.sh\n/usr/bin/env true\n$TOOL --version\n"${CMD}" x\n')).toEqual([]);
    expect(commandsOf('echo hi > out.txt\necho more >> out.txt 2>/dev/null\n< in.txt wc -l\n')).toEqual(['wc']);
  });

  it('joins lines continued with a backslash', () => {
    expect(commandsOf('docker run \\\n  --rm \\\n  alpine echo hi\n')).toEqual(['docker']);
  });
});

describe('missingTools', () => {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

  it('names the tools command -v cannot find, and only those', () => {
    expect(missingTools(['bash', 'patternbook-no-such-tool-xyz', 'sh', 'another-missing-tool-xyz'], env, process.cwd())).toEqual([
      'patternbook-no-such-tool-xyz',
      'another-missing-tool-xyz',
    ]);
    expect(missingTools([], env, process.cwd())).toEqual([]);
  });

  it('looks the tools up on the PATH it is given', () => {
    expect(missingTools(['bash'], { PATH: '/nonexistent-patternbook-dir' }, process.cwd())).toEqual(['bash']);
  });
});
