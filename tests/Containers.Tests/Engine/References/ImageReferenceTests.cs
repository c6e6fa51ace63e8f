using Containers.Engine.References;
using Xunit;

namespace Containers.Tests.Engine.References
{
    /// <summary>Normalisation as the docker CLI does it (distribution's reference package), case by case.</summary>
    public class ImageReferenceTests
    {
        private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        [Theory]
        [InlineData("nginx", "docker.io", "library/nginx", "latest", null, "nginx:latest")]
        [InlineData("nginx:1.25", "docker.io", "library/nginx", "1.25", null, "nginx:1.25")]
        [InlineData("team/app:v2", "docker.io", "team/app", "v2", null, "team/app:v2")]
        [InlineData("docker.io/library/nginx", "docker.io", "library/nginx", "latest", null, "nginx:latest")]
        [InlineData("index.docker.io/team/app", "docker.io", "team/app", "latest", null, "team/app:latest")]
        [InlineData("localhost/app", "localhost", "app", "latest", null, "localhost/app:latest")]
        [InlineData("localhost:5000/team/app:1", "localhost:5000", "team/app", "1", null, "localhost:5000/team/app:1")]
        [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000", "app", "latest", null, "127.0.0.1:5000/app:latest")]
        [InlineData("registry.example.com/a/b/c:tag_1.x-y", "registry.example.com", "a/b/c", "tag_1.x-y", null, "registry.example.com/a/b/c:tag_1.x-y")]
        [InlineData("Registry.Example.com/app", "Registry.Example.com", "app", "latest", null, "Registry.Example.com/app:latest")]
        [InlineData("MyHost:5000/app", "MyHost:5000", "app", "latest", null, "MyHost:5000/app:latest")]
        [InlineData("[::1]:5000/app", "[::1]:5000", "app", "latest", null, "[::1]:5000/app:latest")]
        [InlineData("my_app.v2__x-y--z", "docker.io", "library/my_app.v2__x-y--z", "latest", null, "my_app.v2__x-y--z:latest")]
        [InlineData("nginx@" + Digest, "docker.io", "library/nginx", null, Digest, "nginx@" + Digest)]
        [InlineData("nginx:1.25@" + Digest, "docker.io", "library/nginx", "1.25", Digest, "nginx:1.25@" + Digest)]
        public void References_are_normalised_as_the_docker_cli_does(string text, string registry, string path, string? tag, string? digest, string familiar)
        {
            ImageReference reference = ImageReference.Parse(text);
            Assert.Equal(registry, reference.Registry);
            Assert.Equal(path, reference.Path);
            Assert.Equal(tag, reference.Tag);
            Assert.Equal(digest, reference.Digest);
            Assert.Equal(familiar, reference.ToFamiliarString());
            Assert.Equal(registry + "/" + path, reference.Repository);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("   ", "empty")]
        [InlineData("Nginx", "lowercase")]
        [InlineData("team/App", "lowercase")]
        [InlineData("UPPER/x:1", "repository names must be lowercase ('UPPER/x'; 'UPPER' is no registry host")]
        [InlineData("UPPER/case", "repository names must be lowercase")]
        [InlineData("Team/app", "repository names must be lowercase")]
        [InlineData("busybox ", "'busybox ' is not a repository path")]
        [InlineData(" busybox", "' busybox' is not a repository path")]
        [InlineData("busybox:latest ", "tag 'latest '")]
        [InlineData("localhost/team/app ", "'team/app ' is not a repository path")]
        [InlineData("nginx:", "tag ''")]
        [InlineData("nginx:-bad", "tag '-bad'")]
        [InlineData("nginx:has space", "tag 'has space'")]
        [InlineData(":latest", "names no repository")]
        [InlineData("nginx@sha256:abc", "not a digest")]
        [InlineData("nginx@", "not a digest")]
        [InlineData("bad_host.-x:5000/app", "not a registry host")]
        [InlineData("127.0.0.1:99999/x:1", "'127.0.0.1:99999' has the port 99999, and a port is 1 to 65535")]
        [InlineData("localhost:0/x", "has the port 0")]
        [InlineData("[::1]:65536/x", "has the port 65536")]
        [InlineData("registry.example.com:0000000000080/x", "has the port 0000000000080")]
        [InlineData("team//app", "not a repository path")]
        [InlineData("-app", "not a repository path")]
        [InlineData("app-", "not a repository path")]
        [InlineData("a/b.", "not a repository path")]
        public void Malformed_references_are_refused_with_the_reason(string text, string reason)
        {
            Assert.False(ImageReference.TryParse(text, out ImageReference? reference, out string? problem));
            Assert.Null(reference);
            Assert.Contains(reason, problem);
            var thrown = Assert.Throws<FormatException>(() => ImageReference.Parse(text));
            Assert.Equal(problem, thrown.Message);
        }

        [Fact]
        public void A_name_longer_than_255_characters_is_refused()
        {
            Assert.Contains("longer than 255", Assert.Throws<FormatException>(() => ImageReference.Parse(new string('a', 256))).Message);
            Assert.Equal("library/" + new string('a', 255), ImageReference.Parse(new string('a', 255)).Path);
        }

        [Fact]
        public void A_tag_of_128_characters_is_the_longest_allowed()
        {
            Assert.Equal(new string('t', 128), ImageReference.Parse("app:" + new string('t', 128)).Tag);
            Assert.Throws<FormatException>(() => ImageReference.Parse("app:" + new string('t', 129)));
        }

        [Theory]
        [InlineData("registry.example.com", null)]
        [InlineData("127.0.0.1:65535", null)]
        [InlineData("[::1]", null)]
        [InlineData("[::1]:5000", null)]
        [InlineData("not a host", "'not a host' is not a registry host")]
        [InlineData("127.0.0.1:99999", "a port is 1 to 65535")]
        public void Registry_hosts_are_checked_as_a_reference_checks_its_first_part(string host, string? problem)
        {
            string? found = ImageReference.CheckRegistryHost(host);
            if (problem == null)
            {
                Assert.Null(found);
            }
            else
            {
                Assert.Contains(problem, found);
            }
        }

        [Theory]
        [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
        [InlineData(Digest, true)]
        [InlineData("0123456789ab", false)]
        [InlineData("nginx", false)]
        public void Full_image_ids_are_recognised(string text, bool isId) => Assert.Equal(isId, ImageReference.IsImageId(text));
    }
}
