using QueryServiceOrm.Cli;

return await QsormApp.RunAsync(args, Console.Out, Console.Error, input: Console.In);
