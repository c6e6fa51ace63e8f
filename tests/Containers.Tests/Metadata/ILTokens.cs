using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Containers.Tests.Metadata
{
    /// <summary>The metadata tokens a method body's IL names (methods, fields, types, signatures), in order; strings and branch targets skipped.</summary>
    public static class ILTokens
    {
        private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => (ushort)code.Value, code => code.OperandType);

        public static IEnumerable<(OperandType Operand, int Token)> Read(BlobReader il)
        {
            var tokens = new List<(OperandType, int)>();
            while (il.RemainingBytes > 0)
            {
                byte first = il.ReadByte();
                ushort code = first == 0xFE ? (ushort)(0xFE00 | il.ReadByte()) : first;
                OperandType operand = Operands[code];
                if (operand is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok or OperandType.InlineSig)
                {
                    tokens.Add((operand, il.ReadInt32()));
                    continue;
                }

                // Computed before it is added: a switch's operand is read (and skipped) while computing its size.
                int size = operand switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 * il.ReadInt32(),
                    _ => 4,
                };
                il.Offset += size;
            }

            return tokens;
        }
    }
}
