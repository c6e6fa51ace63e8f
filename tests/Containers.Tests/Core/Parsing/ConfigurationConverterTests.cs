using System.Collections;
using Containers.Errors;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    public class ConfigurationConverterTests
    {
        [Fact]
        public void Nested_tables_and_lists_become_json()
        {
            var table = new Hashtable
            {
                ["HostConfig"] = new Hashtable { ["CapAdd"] = new object[] { "NET_ADMIN" }, ["Init"] = true, ["ShmSize"] = 67108864L },
                ["StopTimeout"] = 5,
            };
            var json = ConfigurationConverter.ToJsonObject(table)!;
            Assert.Equal("NET_ADMIN", (string)json["HostConfig"]!["CapAdd"]![0]!);
            Assert.True((bool)json["HostConfig"]!["Init"]!);
            Assert.Equal(67108864L, (long)json["HostConfig"]!["ShmSize"]!);
            Assert.Equal(5L, (long)json["StopTimeout"]!);
        }

        [Fact]
        public void Json_text_is_accepted_and_must_be_an_object()
        {
            Assert.Equal("x", (string)ConfigurationConverter.ToJsonObject("{\"User\":\"x\"}")!["User"]!);
            Assert.Contains("not valid JSON", Assert.Throws<InvalidParameterException>(() => ConfigurationConverter.ToJsonObject("{oops")).Reason);
            Assert.Contains("must be a hashtable", Assert.Throws<InvalidParameterException>(() => ConfigurationConverter.ToJsonObject("[1]")).Reason);
            Assert.Null(ConfigurationConverter.ToJsonObject(null));
        }

        [Fact]
        public void A_table_that_contains_itself_is_refused_rather_than_overflowing()
        {
            var table = new Hashtable();
            table["Self"] = table;
            Assert.Contains("nested more than", Assert.Throws<InvalidParameterException>(() => ConfigurationConverter.ToJsonObject(table)).Reason);
        }
    }
}
