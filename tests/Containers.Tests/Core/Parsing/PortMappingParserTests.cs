using Containers.Errors;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    public class PortMappingParserTests
    {
        private static string Render(string spec) =>
            string.Join(" ", PortMappingParser.Parse(spec).Select(p => $"{p.Key}={p.Value.HostIp}|{p.Value.HostPort}"));

        [Theory]
        [InlineData("80", "80/tcp=|")]
        [InlineData("8080:80", "80/tcp=|8080")]
        [InlineData("127.0.0.1:8080:80/udp", "80/udp=127.0.0.1|8080")]
        [InlineData("127.0.0.1::80", "80/tcp=127.0.0.1|")]
        [InlineData("[::1]:8080:80", "80/tcp=::1|8080")]
        [InlineData("8000-8001:80-81/SCTP", "80/sctp=|8000 81/sctp=|8001")]
        [InlineData("8000-8010:80", "80/tcp=|8000-8010")]
        [InlineData(" 53:53/udp ", "53/udp=|53")]
        public void Docker_forms_are_read(string spec, string expected) => Assert.Equal(expected, Render(spec));

        [Theory]
        [InlineData("", "empty")]
        [InlineData("80/ftp", "'ftp' is not a protocol")]
        [InlineData("80800:80", "'80800' is not a valid host port")]
        [InlineData("8080:0", "'0' is not a valid container port")]
        [InlineData("abc", "'abc' is not a valid container port")]
        [InlineData("999.1.1.1:80:80", "'999.1.1.1' is not an IP address")]
        [InlineData("1:2:3:4", "too many ':' parts")]
        [InlineData("8000-8002:80-81", "the host range has 3 ports but the container range has 2")]
        [InlineData("90-80", "ends before it starts")]
        [InlineData(":80", "host port before ':' is empty")]
        [InlineData("::1:8080:80", "too many")]
        public void Malformed_mappings_name_the_value_and_the_reason(string spec, string reason)
        {
            var error = Assert.Throws<InvalidParameterException>(() => PortMappingParser.Parse(spec));
            Assert.Equal("Port", error.ParamName);
            Assert.Equal(spec, error.Value);
            Assert.Contains($"'{spec}'", error.Reason);
            Assert.Contains(reason, error.Reason);
        }
    }
}
