using System.Collections;
using Containers.Errors;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    public class VolumeAndMountParserTests
    {
        [Theory]
        [InlineData("data:/var/lib/data", "data:/var/lib/data")]
        [InlineData("/srv/app:/app:ro", "/srv/app:/app:ro")]
        [InlineData(@"C:\src:/src:ro,z", @"C:\src:/src:ro,z")]
        [InlineData(@"C:\src:C:\dst", @"C:\src:C:\dst")]
        [InlineData("./site:/usr/share/site", "/home/me/site:/usr/share/site")]
        public void Bind_and_named_volumes_become_binds(string text, string bind) =>
            Assert.Equal(bind, VolumeSpecParser.Parse(text, relative => "/home/me/" + relative.Substring(2)).ToBind());

        [Fact]
        public void A_lone_path_is_an_anonymous_volume()
        {
            VolumeSpec spec = VolumeSpecParser.Parse("/cache", null);
            Assert.Null(spec.Source);
            Assert.Equal("/cache", spec.Target);
        }

        [Theory]
        [InlineData("data:relative", "must be absolute")]
        [InlineData("data:/x:rx", "'rx' is not a volume option")]
        [InlineData("bad name:/x", "neither an absolute host path nor a volume name")]
        [InlineData("a:b:c:d", "use CONTAINERPATH")]
        [InlineData("", "use CONTAINERPATH")]
        [InlineData("./rel:/x", "relative")]
        public void Malformed_volumes_are_refused(string text, string reason)
        {
            var error = Assert.Throws<InvalidParameterException>(() => VolumeSpecParser.Parse(text, null));
            Assert.Equal("Volume", error.ParamName);
            Assert.Contains(reason, error.Reason);
        }

        [Fact]
        public void Mount_text_is_read_as_docker_mount_writes_it()
        {
            var mount = MountSpecParser.Parse("type=volume,src=data,dst=/data,readonly,volume-opt=type=nfs,volume-label=tier=cold", null);
            Assert.Equal("volume", mount.Type);
            Assert.Equal("data", mount.Source);
            Assert.Equal("/data", mount.Target);
            Assert.True(mount.ReadOnly);
            Assert.Equal("nfs", mount.VolumeOptions!.DriverConfig!.Options!["type"]);
            Assert.Equal("cold", mount.VolumeOptions.Labels!["tier"]);
        }

        [Fact]
        public void Mount_tables_take_the_same_keys_and_sizes_as_numbers()
        {
            var mount = MountSpecParser.Parse(new Hashtable { ["type"] = "tmpfs", ["target"] = "/cache", ["tmpfs-size"] = 64L * 1024 * 1024, ["tmpfs-mode"] = "1770" }, null);
            Assert.Equal("tmpfs", mount.Type);
            Assert.Equal(64L * 1024 * 1024, mount.TmpfsOptions!.SizeBytes);
            Assert.Equal(1016, mount.TmpfsOptions.Mode); // octal 1770
        }

        [Theory]
        [InlineData("type=bind,target=/x", "needs a source")]
        [InlineData("type=tmpfs,source=/x,target=/y", "has no source")]
        [InlineData("type=disk,target=/x", "type 'disk' is not one of")]
        [InlineData("source=data", "no target")]
        [InlineData("type=bind,src=/a,dst=/b,tmpfs-size=1m", "do not apply to a bind mount")]
        [InlineData("type=tmpfs,dst=/b,tmpfs-mode=999", "octal")]
        [InlineData("type=volume,dst=/b,colour=red", "'colour' is not a mount option")]
        public void Malformed_mounts_are_refused(string text, string reason)
        {
            var error = Assert.Throws<InvalidParameterException>(() => MountSpecParser.Parse(text, null));
            Assert.Equal("Mount", error.ParamName);
            Assert.Contains(reason, error.Reason);
        }
    }
}
