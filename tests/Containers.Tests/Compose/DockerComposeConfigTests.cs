using Containers.Compose;
using Containers.Tests.Fixtures;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Containers.Tests.Compose
{
    /// <summary>
    /// Files read by docker-compose 1.29 (<c>docker-compose -f FILE config</c>, which resolves interpolation, .env,
    /// env_file, merges, extends and the short syntaxes without an engine) and by the reader: the resolved values must agree.
    /// </summary>
    [RequiresEngine]
    public sealed class DockerComposeConfigTests : IDisposable
    {
        private const string File = @"services:
  web:
    image: ""busybox:${TAG}""
    command: sh -c 'echo ""$$HOME""'
    ports:
      - ""8080:80""
      - ""127.0.0.1:5353:53/udp""
      - ""9000-9001:7000-7001""
      - target: 443
        published: 8443
    environment:
      PLAIN: value
      DEFAULTED: ${CT_UNSET_VARIABLE:-fallback}
      EMPTY_DEFAULT: ${CT_EMPTY-kept-empty}
      FROM_HOST:
      FROM_DOTENV: ${CT_DOTENV}
    env_file: app.env
    volumes:
      - ./src:/src:ro
      - data:/data
volumes:
  data: {}
";

        private static readonly Dictionary<string, string> Variables = new Dictionary<string, string>
        {
            ["TAG"] = "from-environment",
            ["CT_EMPTY"] = string.Empty,
            ["FROM_HOST"] = "host-value",
        };

        private readonly ComposeFolder _folder = new ComposeFolder();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void Ports_environment_volumes_and_interpolation_agree_with_docker_compose_config()
        {
            _folder.Write(".env", "TAG=from-dotenv\nCT_DOTENV=dotenv-value\n");
            _folder.Write("app.env", "FROM_FILE=file-value\nPLAIN=overridden-by-environment\n");
            string file = _folder.Write("compose.yaml", File);

            ComposeService ours = _folder.ReadFiles(new[] { file }, Variables).Services["web"];
            YamlMappingNode theirs = DockerComposeConfig(file)["web"];

            Assert.Equal(Scalar(theirs, "image"), ours.Image);
            Assert.Equal("busybox:from-environment", ours.Image);

            Assert.Equal(Map(theirs, "environment"), ours.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal));
            Assert.Equal("fallback", ours.Environment["DEFAULTED"]);
            Assert.Equal(string.Empty, ours.Environment["EMPTY_DEFAULT"]);

            Assert.Equal(((YamlSequenceNode)theirs["ports"]).Children.Select(Port), ours.Ports.Select(port => port.ToString()));
            Assert.Equal(
                ((YamlSequenceNode)theirs["volumes"]).Children.Select(volume => ((YamlScalarNode)volume).Value),
                ours.Volumes.Select(mount => mount.Source + ":" + mount.Target + (mount.ReadOnly ? ":ro" : ":rw")));

            // docker-compose prints the command as written, $$ kept for its own output.
            Assert.Equal("sh -c 'echo \"$$HOME\"'", Scalar(theirs, "command"));
            Assert.Equal(new[] { "sh", "-c", "echo \"$HOME\"" }, ours.Command);
        }

        [Fact]
        public void Two_files_merged_and_extends_agree_with_docker_compose_config()
        {
            string first = _folder.Write("a.yml",
                "services:\n  web:\n    image: busybox\n    command: [echo, foo]\n    environment: {A: base, B: base}\n    labels: [x=1]\n    ports: ['8080:80']\n    volumes: ['data:/data', './a:/a']\n" +
                "  base:\n    image: busybox:1\n    environment: {FROM_BASE: '1'}\n  child:\n    extends: base\n    environment: {CHILD: '2'}\nvolumes:\n  data: {}\n  other: {}\n");
            string second = _folder.Write("b.yml",
                "services:\n  web:\n    command: echo bar\n    environment: [B=override, C=new]\n    labels: {y: '2'}\n    ports: ['9090:90']\n    volumes: ['other:/data']\n");

            ComposeProject ours = _folder.ReadFiles(new[] { first, second }, Variables);
            Dictionary<string, YamlMappingNode> theirs = DockerComposeConfig(first, second);

            ComposeService web = ours.Services["web"];
            Assert.Equal(Map(theirs["web"], "environment"), web.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal));
            Assert.Equal(Map(theirs["web"], "labels"), web.Labels.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
            Assert.Equal(((YamlSequenceNode)theirs["web"]["ports"]).Children.Select(Port), web.Ports.Select(port => port.ToString()));
            // docker-compose 1.29 lists the merged volumes in an order of its own: the same entries.
            Assert.Equal(
                ((YamlSequenceNode)theirs["web"]["volumes"]).Children.Select(volume => ((YamlScalarNode)volume).Value).OrderBy(volume => volume, StringComparer.Ordinal),
                web.Volumes.Select(mount => mount.Source + ":" + mount.Target + (mount.ReadOnly ? ":ro" : ":rw")).OrderBy(volume => volume, StringComparer.Ordinal));
            Assert.Equal("echo bar", Scalar(theirs["web"], "command"));
            Assert.Equal(new[] { "echo", "bar" }, web.Command);

            Assert.Equal(Scalar(theirs["child"], "image"), ours.Services["child"].Image);
            Assert.Equal(Map(theirs["child"], "environment"), ours.Services["child"].Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        }

        // The services docker-compose config prints, by name.
        private Dictionary<string, YamlMappingNode> DockerComposeConfig(params string[] files)
        {
            string output = DockerCli.RunCompose(
                Path.Combine(_folder.Root, "docker-config"),
                files.SelectMany(file => new[] { "-f", file }).Append("config"),
                Variables.ToDictionary(pair => pair.Key, pair => (string?)pair.Value));
            var stream = new YamlStream();
            stream.Load(new StringReader(output));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            return ((YamlMappingNode)root["services"]).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => (YamlMappingNode)pair.Value);
        }

        private static IEnumerable<KeyValuePair<string, string?>> Map(YamlNode service, string key) =>
            ((YamlMappingNode)((YamlMappingNode)service)[key]).Children
                .Select(pair => new KeyValuePair<string, string?>(((YamlScalarNode)pair.Key).Value!, ((YamlScalarNode)pair.Value).Value))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal);

        private static string? Scalar(YamlNode mapping, string key) => ((YamlScalarNode)((YamlMappingNode)mapping)[key]).Value;

        // docker-compose 1.29 prints a port as IP:PUBLISHED:TARGET/PROTOCOL text or as published/target lines.
        private static string Port(YamlNode port)
        {
            if (port is YamlScalarNode text)
            {
                return text.Value!.Contains('/') ? text.Value : text.Value + "/tcp";
            }

            var mapping = (YamlMappingNode)port;
            string protocol = mapping.Children.ContainsKey(new YamlScalarNode("protocol")) ? Scalar(mapping, "protocol")! : "tcp";
            return Scalar(mapping, "published") + ":" + Scalar(mapping, "target") + "/" + protocol;
        }
    }
}
