using System.Data;
using System.Data.Common;

namespace RweStats.Data.Sql;

/// <summary>
/// Runs exactly ONE statement of SQL that may hold text of the user's (a query, a table name). Where the driver has
/// batches (Npgsql) the text goes as a single batch command, which the driver sends as it is in the extended protocol:
/// the server parses one statement and refuses a second ("cannot insert multiple commands into a prepared statement",
/// SQLSTATE 42601). A plain command's text would be split by the driver at its semicolons and every part run.
/// DuckDB has no batches: its reader checks the user's query itself (<see cref="DuckDbTableReader"/>).
/// </summary>
public static class SqlStatement
{
    /// <summary>The rows of one statement (no client-side timeout: the server's statement timeout bounds it).</summary>
    public static DbDataReader Reader(DbConnection connection, string sql, CommandBehavior behavior = CommandBehavior.Default)
    {
        if (connection.CanCreateBatch)
        {
            var batch = connection.CreateBatch();
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            batch.BatchCommands.Add(command);
            batch.Timeout = 0;
            return batch.ExecuteReader(behavior);
        }
        var single = connection.CreateCommand();
        single.CommandText = sql;
        single.CommandTimeout = 0;
        return single.ExecuteReader(behavior);
    }
}
