#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  BASELINE_PREFIX,
  CORRECTIONS,
  CommandError,
  ConfigError,
  DRIFT_METHOD_NAMES,
  DataError,
  DigestMismatchError,
  GitHubReleasesRegistry,
  MODEL_NAME,
  REGISTRY_SPEC,
  RegistryError,
  TASK_METRICS,
  TrainyardError,
  UsageError,
  argsortDescending,
  buildCard,
  call,
  championOf,
  checkEnvironmentName,
  checkModelName,
  compareModels,
  configSchema,
  confusion,
  describeThrown,
  didYouMean,
  downloadInto,
  explainIssues,
  external_exports,
  flattenMetrics,
  formatBytes,
  formatChange,
  formatNumber,
  formatSeconds,
  metricFileFormat,
  metricRuleSchema,
  metricSuite,
  parseCard,
  parseVersionNumber,
  readMetricsFile,
  readPromotion,
  renderCard,
  renderRunReport,
  requirePromotionCheck,
  require_dist,
  resolveVersion,
  selectFiles,
  sha256File,
  sha256Text,
  significanceSchema,
  sortHistory,
  verdictExitCode,
  versionTag
} from "./chunk-Q6IDOZ62.js";
import {
  requestLog
} from "./chunk-5GYPTEMT.js";
import {
  Octokit,
  __commonJS,
  __require,
  __toESM,
  legacyRestEndpointMethods,
  paginateRest
} from "./chunk-DWJO5JTH.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value2, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value2];
        }
        previous.push(value2);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value2, description) {
        this.defaultValue = value2;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max2, command) => {
          return Math.max(
            max2,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max2, option) => {
          return Math.max(
            max2,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max2, option) => {
          return Math.max(
            max2,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max2, argument) => {
          return Math.max(
            max2,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term2, description) {
          return helper.formatItem(term2, termWidth, description, helper);
        }
        let output2 = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output2 = output2.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output2 = output2.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output2 = output2.concat(this.formatItemList(group, commandList, helper));
        });
        return output2.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term2, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term2;
        const paddedTerm = term2.padEnd(
          termWidth + term2.length - helper.displayWidth(term2)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value2, description) {
        this.defaultValue = value2;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value2, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value2];
        }
        previous.push(value2);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value2, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value2, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value2);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance2 = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance2) / length;
        if (similarity > minSimilarity) {
          if (distance2 < bestDistance) {
            bestDistance = distance2;
            similar = [candidate];
          } else if (distance2 === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path40 = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write2) => write2(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value2, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value2, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value2) {
        return this.setOptionValueWithSource(key, value2, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value2, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value2;
        } else {
          this._optionValues[key] = value2;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path40.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path40.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path40.resolve(
            path40.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path40.basename(
              this._scriptPath,
              path40.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path40.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value2, previous) => {
          let parsedValue = value2;
          if (value2 !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value2}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value2,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value2 = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value2 = this.args.slice(index);
              if (declaredArg.parseArg) {
                value2 = value2.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value2 === void 0) {
              value2 = [];
            }
          } else if (index < this.args.length) {
            value2 = this.args[index];
            if (declaredArg.parseArg) {
              value2 = myParseArg(declaredArg, value2, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value2;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value2 = args[i++];
                if (value2 === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value2);
              } else if (option.optional) {
                let value2 = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value2 = args[i++];
                }
                this.emit(`option:${option.name()}`, value2);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path40.basename(filename, path40.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path41) {
        if (path41 === void 0) return this._executableDir;
        this._executableDir = path41;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write2 = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write: write2, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// package.json
var package_default = { version: "0.1.0" };

// src/version.ts
var VERSION = package_default.version;

// src/cli/commands/compare.ts
import path6 from "node:path";

// src/metrics/comparison-document.ts
function comparisonDocument(comparison, sources) {
  return {
    schemaVersion: 1,
    model: sources.model,
    verdict: comparison.verdict,
    summary: comparison.summary,
    candidate: sources.candidate,
    baseline: sources.baseline,
    metrics: comparison.metrics,
    significance: comparison.significance
  };
}

// src/data/engine.ts
import { createRequire } from "node:module";

// src/data/row-numbers.ts
var FILE_COLUMN = "__trainyard_file";
var ROW_COLUMN = "__trainyard_row";
var KEEP = `${FILE_COLUMN}, ${ROW_COLUMN}`;
function rowNumberedSelect(source, options = {}) {
  const text = source.format === "csv" || source.format === "tsv";
  const cast = options.allVarchar && !text;
  let inner;
  if (source.format === "parquet") {
    const reader = `read_parquet(${listOf(source.files)}, union_by_name = true, filename = true, file_row_number = true)`;
    inner = `SELECT * EXCLUDE (filename, file_row_number), filename AS ${FILE_COLUMN}, file_row_number + 1 AS ${ROW_COLUMN} FROM ${reader}`;
  } else {
    inner = source.files.map((file) => {
      const reader = readerSql({ ...source, files: [file] }, options);
      return `SELECT * EXCLUDE (ordinality), ${quoteLiteral(file)} AS ${FILE_COLUMN}, ordinality AS ${ROW_COLUMN} FROM ${reader} WITH ORDINALITY`;
    }).join(" UNION ALL BY NAME ");
  }
  if (!cast) return inner;
  return `SELECT COLUMNS(c -> c NOT IN ('${FILE_COLUMN}', '${ROW_COLUMN}'))::VARCHAR, ${KEEP} FROM (${inner})`;
}
function listOf(files) {
  return `[${files.map(quoteLiteral).join(", ")}]`;
}

// src/data/engine.ts
var duckdb;
function loadDuckDB() {
  try {
    duckdb ??= createRequire(import.meta.url)("@duckdb/node-api");
    return duckdb;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DataError(`DuckDB (@duckdb/node-api) could not be loaded: ${reason}; install it with \`npm ci\` or the trainyard setup action`);
  }
}
function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value2) {
  return `'${value2.replace(/'/g, "''")}'`;
}
function fileList(source) {
  return `[${source.files.map(quoteLiteral).join(", ")}]`;
}
function readerSql(source, options = {}) {
  const files = fileList(source);
  const text = (options.allVarchar ? ", all_varchar = true" : "") + typedOptions(options);
  const union = options.typed ? "" : ", union_by_name = true";
  switch (source.format) {
    case "csv":
      return `read_csv(${files}, header = true${union}${text})`;
    case "tsv":
      return `read_csv(${files}, header = true, delim = '	'${union}${text})`;
    case "parquet":
      return `read_parquet(${files}, union_by_name = true)`;
    case "json":
      return `read_json(${files}, format = 'auto', union_by_name = true)`;
    case "jsonl":
      return `read_json(${files}, format = 'newline_delimited', union_by_name = true)`;
  }
}
function typedOptions(options) {
  if (!options.typed) return "";
  const { types, rejects } = options.typed;
  const list = Object.entries(types).map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`);
  return `, types = {${list.join(", ")}}, store_rejects = true, rejects_table = ${quoteLiteral(rejects)}, rejects_scan = ${quoteLiteral(`${rejects}_scans`)}`;
}
function perFileSelect(source, options) {
  return source.files.map((file) => `SELECT * FROM ${readerSql({ ...source, files: [file] }, options)}`).join(" UNION ALL BY NAME ");
}
function sourceSelect(source, options = {}) {
  if (options.rowNumbers) return rowNumberedSelect(source, options);
  const reader = readerSql(source, options);
  const castable = options.allVarchar && source.format !== "csv" && source.format !== "tsv";
  if (castable) return `SELECT COLUMNS(*)::VARCHAR FROM ${reader}`;
  const typedText = options.typed !== void 0 && (source.format === "csv" || source.format === "tsv");
  return typedText ? perFileSelect(source, options) : `SELECT * FROM ${reader}`;
}
var DataEngine = class _DataEngine {
  constructor(instance, connection) {
    this.instance = instance;
    this.connection = connection;
  }
  instance;
  connection;
  static async open(options = {}) {
    const config = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await loadDuckDB().DuckDBInstance.create(":memory:", config);
    return new _DataEngine(instance, await instance.connect());
  }
  /**
   * Makes a source queryable as the view `name`. Parquet and JSON keep their types;
   * with `allVarchar` every column is cast to text, whatever the format. Returns the
   * view's columns.
   */
  async register(name, source, options = {}) {
    await this.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS ${sourceSelect(source, options)}`, source);
    const rows = await this.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(name)} ORDER BY column_index`);
    return rows.map((row2) => ({ name: String(row2.column_name), type: String(row2.data_type) }));
  }
  /** Column names and DuckDB types of a view, in order. */
  async columns(name, source) {
    const rows = await this.query(`DESCRIBE ${quoteIdentifier(name)}`, source);
    return rows.map((row2) => ({ name: String(row2.column_name), type: String(row2.column_type) }));
  }
  /** Runs a query and returns its rows; a DuckDB error becomes a DataError naming the source. */
  async query(sql, source) {
    const reader = await this.run(sql, source);
    return reader.getRowObjectsJS();
  }
  /**
   * Runs a query whose columns are all numeric and returns them column-wise as
   * Float64Arrays (NULL becomes NaN). For large results, such as a million predictions,
   * where row objects would cost more than the metrics computed from them.
   */
  async queryNumbers(sql, source) {
    let result;
    try {
      result = await this.connection.stream(sql);
    } catch (error) {
      throw this.wrap(error, source);
    }
    const names = result.columnNames();
    const parts = names.map(() => []);
    let total = 0;
    for (; ; ) {
      const chunk = await result.fetchChunk().catch((error) => {
        throw this.wrap(error, source);
      });
      if (!chunk || chunk.rowCount === 0) break;
      const count2 = chunk.rowCount;
      for (let c = 0; c < names.length; c++) {
        const vector = chunk.getColumnVector(c);
        const part = new Float64Array(count2);
        for (let i = 0; i < count2; i++) {
          const value2 = vector.getItem(i);
          part[i] = value2 === null ? Number.NaN : Number(value2);
        }
        parts[c].push(part);
      }
      total += count2;
    }
    const columns = parts.map((chunks) => {
      const column = new Float64Array(total);
      let offset = 0;
      for (const part of chunks) {
        column.set(part, offset);
        offset += part.length;
      }
      return column;
    });
    return { names, columns };
  }
  wrap(error, source) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return new DataError(source ? `${source.display}: cannot read ${source.format} data (${reason})` : `query failed: ${reason}`);
  }
  async run(sql, source) {
    try {
      return await this.connection.runAndReadAll(sql);
    } catch (error) {
      throw this.wrap(error, source);
    }
  }
  /**
   * How many values the scans of views registered with `typed` could not parse so far,
   * and drops the rejects tables so that the next registration starts from zero.
   */
  async takeRejects(table2) {
    const exists3 = await this.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name = ${quoteLiteral(table2)}`);
    const [row2] = Number(exists3[0]?.n ?? 0) > 0 ? await this.query(`SELECT count(*) AS n FROM temp.${quoteIdentifier(table2)}`) : [{ n: 0 }];
    await this.run(`DROP TABLE IF EXISTS temp.${quoteIdentifier(table2)}; DROP TABLE IF EXISTS temp.${quoteIdentifier(`${table2}_scans`)}`);
    return Number(row2?.n ?? 0);
  }
  close() {
    this.connection.closeSync();
    this.instance.closeSync();
  }
};

// src/report/fit.ts
var COMMENT_LIMIT = 65536;
var join = (parts) => `${parts.filter((part) => part !== "").join("\n\n")}
`;
function truncateTable(table2, budget) {
  if (table2.length <= budget) return table2;
  const lines = table2.split("\n");
  const head = lines.slice(0, 2);
  const body = lines.slice(2);
  let kept = body.length;
  const render = (count2) => [...head, ...body.slice(0, count2), `
_${body.length - count2} more rows left out to stay under GitHub's size limit._`].join("\n");
  while (kept > 0 && render(kept).length > budget) kept = Math.floor(kept * 0.9);
  return render(kept);
}
function fitSections(sections2, limit) {
  const current = sections2.map((section) => section.text);
  const order = sections2.map((section, index) => ({ section, index })).sort((a, b) => a.section.priority - b.section.priority || b.index - a.index);
  for (const { section, index } of order) {
    if (join(current).length <= limit) break;
    current[index] = section.fallback ?? "";
  }
  const text = join(current);
  if (text.length <= limit) return text;
  const note = "\n\n_Report cut to stay under GitHub's size limit._\n";
  return `${text.slice(0, limit - note.length)}${note}`;
}

// src/report/mermaid.ts
function quote(text, limit = 60) {
  return `"${text.replace(/["\\]/g, "'").replace(/[\r\n]+/g, " ").slice(0, limit)}"`;
}
function axisNumber(value2) {
  return Number(value2.toPrecision(4)).toString();
}
function lineChart(input) {
  const values = input.points.map((point) => point.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(Math.abs(high) * 0.05, 0.01) : (high - low) * 0.1;
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(input.title)}`,
    `  x-axis [${input.points.map((point) => quote(point.label)).join(", ")}]`,
    `  y-axis ${quote(input.axis)} ${axisNumber(low - pad)} --> ${axisNumber(high + pad)}`,
    `  line [${values.map(axisNumber).join(", ")}]`,
    "```"
  ].join("\n");
}
function referenceVsCurrentChart(title, labels2, reference, current) {
  const top = Math.max(...reference, ...current, 1e-4);
  const round = (value2) => Number(value2.toFixed(4));
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(title)}`,
    `  x-axis [${labels2.map((label) => quote(label, 24)).join(", ")}]`,
    `  y-axis "share of rows" 0 --> ${round(top * 1.1)}`,
    `  bar [${reference.map(round).join(", ")}]`,
    `  line [${current.map(round).join(", ")}]`,
    "```"
  ].join("\n");
}

// src/report/comparison-report.ts
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u26A0\uFE0F" };
var STATUS_TEXT = { pass: "\u2705 pass", fail: "\u274C fail", inconclusive: "\u26A0\uFE0F inconclusive", info: "\u2014" };
var CHECK_ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F" };
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}
function changeText(metric) {
  if (metric.delta === null) return "\u2014";
  const relative = metric.relative === null ? "" : ` (${metric.relative > 0 ? "+" : ""}${(metric.relative * 100).toFixed(1)}%)`;
  return `${formatChange(metric.delta)}${relative}`;
}
function arrow(metric) {
  if (metric.greaterIsBetter === null) return "";
  return metric.greaterIsBetter ? " \u2191" : " \u2193";
}
function metricsTable(comparison, baselineName) {
  const level = comparison.significance ? `${Math.round(comparison.significance.confidence * 1e3) / 10}% interval` : "interval";
  const lines = [`| metric | ${cell(baselineName)} | candidate | change | ${level} | gate |`, "| --- | ---: | ---: | ---: | :---: | :---: |"];
  for (const metric of comparison.metrics) {
    const ci = metric.ci ? `[${formatChange(metric.ci[0])}, ${formatChange(metric.ci[1])}]` : "\u2014";
    const baseline = metric.baseline === null ? "\u2014" : formatNumber(metric.baseline);
    lines.push(`| ${cell(metric.name)}${arrow(metric)} | ${baseline} | ${formatNumber(metric.candidate)} | ${changeText(metric)} | ${ci} | ${STATUS_TEXT[metric.status]} |`);
  }
  return lines.join("\n");
}
function headline(report) {
  const { comparison } = report;
  const verb = { pass: "passes", fail: "fails", inconclusive: "is inconclusive" }[comparison.verdict];
  const against = comparison.hasBaseline ? `against the ${report.baselineName ?? "champion"}` : "with no baseline yet (first model: threshold rules only)";
  const lines = [`## ${VERDICT_ICON[comparison.verdict]} trainyard: ${report.model} ${verb}`, "", `**${comparison.summary}**, ${against}.`];
  const sig = comparison.significance;
  if (sig) {
    const rows = `${sig.rows.shared.toLocaleString("en-US")} shared rows`;
    const unpaired = sig.rows.candidateOnly + sig.rows.baselineOnly > 0 ? ` (${sig.rows.candidateOnly.toLocaleString("en-US")} only in the candidate's predictions, ${sig.rows.baselineOnly.toLocaleString("en-US")} only in the baseline's)` : "";
    const role = sig.gating ? "gate the change" : "are shown, not gating (add `significance` to the policy to gate on them)";
    lines.push("", `Intervals: paired bootstrap over ${rows}${unpaired}, ${sig.resamples.toLocaleString("en-US")} resamples, seed ${sig.seed}; they ${role}.`);
  }
  return lines.join("\n");
}
function reasons(comparison) {
  const gated = comparison.metrics.filter((metric) => metric.status !== "info");
  if (gated.length === 0) return "";
  const lines = gated.map((metric) => `- **${cell(metric.name)}** ${STATUS_TEXT[metric.status]}: ${metric.reason}`);
  return ["<details><summary>Why each gate decided as it did</summary>", "", ...lines, "", "</details>"].join("\n");
}
function tests(comparison) {
  const lines = [];
  for (const metric of comparison.metrics) {
    const test = metric.test;
    if (!test) continue;
    if (test.test === "mcnemar-exact") {
      lines.push(`- ${metric.name}: McNemar exact test p = ${formatNumber(test.p)} (${test.b} rows only the candidate gets right, ${test.c} only the baseline)`);
    } else {
      lines.push(`- ${metric.name}: DeLong test p = ${formatNumber(test.p)} (z = ${test.z.toFixed(2)})`);
    }
  }
  return lines.length === 0 ? "" : ["Significance of the differences:", "", ...lines].join("\n");
}
function checks(list) {
  if (!list || list.length === 0) return "";
  return ["### Data checks", "", ...list.map((line) => `- ${CHECK_ICON[line.status]} **${cell(line.name)}**: ${line.summary}`)].join("\n");
}
function history(report) {
  const primary = report.comparison.metrics.find((metric) => metric.status !== "info") ?? report.comparison.metrics[0];
  if (!primary) return "";
  const points = (report.history ?? []).filter((entry) => entry.metrics[primary.name] !== void 0).map((entry) => ({ label: entry.version, value: entry.metrics[primary.name] }));
  if (points.length === 0 && primary.baseline !== null) points.push({ label: report.baselineName ?? "champion", value: primary.baseline });
  points.push({ label: "candidate", value: primary.candidate });
  if (points.length < 2) return "";
  const table2 = ["| version | " + cell(primary.name) + " |", "| --- | ---: |", ...points.map((point) => `| ${cell(point.label)} | ${formatNumber(point.value)} |`)].join("\n");
  return [`### ${cell(primary.name)} across versions`, "", lineChart({ title: `${primary.name} by version`, axis: primary.name, points }), "", table2].join("\n");
}
function lineage(value2) {
  if (!value2) return "";
  const bytes = value2.data.reduce((sum, file) => sum + file.bytes, 0);
  const lines = [
    `- commit: ${value2.commit ? `\`${value2.commit.slice(0, 12)}\`${value2.dirty ? " (with uncommitted changes)" : ""}` : "none"}`,
    `- command: \`${value2.command.replace(/`/g, "'")}\` (seed ${value2.seed}, exit ${value2.exitStatus}, ${formatSeconds(value2.durationSeconds)})`,
    `- params: ${Object.keys(value2.params).length === 0 ? "none" : Object.entries(value2.params).map(([key, param]) => `\`${key}=${String(param)}\``).join(", ")}`,
    `- data: ${value2.data.length} file${value2.data.length === 1 ? "" : "s"}, ${formatBytes(bytes)}${value2.data.map((file) => `
  - \`${file.path}\` sha256 \`${file.sha256.slice(0, 16)}\u2026\``).join("")}`,
    `- runner: ${value2.runner.name ?? "local"} (${value2.runner.os}/${value2.runner.arch}), node ${value2.versions.node}, trainyard ${value2.versions.trainyard}`
  ];
  return ["<details><summary>Lineage</summary>", "", ...lines, "", "</details>"].join("\n");
}
function sections(report, limit) {
  const head = headline(report);
  const table2 = metricsTable(report.comparison, report.baselineName ?? "champion");
  const footer = report.runUrl ? `[Workflow run and artifacts](${report.runUrl})` : "";
  const tableBudget = Math.max(1e3, limit - head.length - footer.length - 200);
  return [
    { text: head, priority: 10 },
    { text: truncateTable(table2, tableBudget), priority: 9 },
    { text: reasons(report.comparison), priority: 3, fallback: "" },
    { text: tests(report.comparison), priority: 4 },
    { text: checks(report.checks), priority: 6 },
    { text: history(report), priority: 2 },
    { text: lineage(report.lineage), priority: 1 },
    { text: footer, priority: 8 }
  ];
}
function renderJobSummary(report) {
  return fitSections(sections(report, COMMENT_LIMIT), COMMENT_LIMIT);
}

// src/metrics/percentile.ts
function percentile(values, q3) {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const position = q3 / 100 * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const low = sorted[below];
  const high = sorted[above];
  return fraction >= 0.5 ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction;
}

// src/metrics/permute.ts
function bootstrapOrder(rows) {
  if (rows.task === "binary") return argsortDescending(rows.score);
  const order = new Uint32Array(rows.label.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}
function take(values, order) {
  const out = new values.constructor(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}
function permuteRows(rows, order) {
  switch (rows.task) {
    case "binary":
      return { task: "binary", label: take(rows.label, order), score: take(rows.score, order), predicted: take(rows.predicted, order) };
    case "multiclass":
      return {
        task: "multiclass",
        classes: rows.classes,
        label: take(rows.label, order),
        predicted: take(rows.predicted, order),
        probabilities: rows.probabilities ? rows.probabilities.map((column) => take(column, order)) : null
      };
    case "regression":
      return { task: "regression", label: take(rows.label, order), predicted: take(rows.predicted, order) };
  }
}

// src/metrics/rng.ts
function splitmix32(seed2) {
  let state = seed2 >>> 0;
  return () => {
    state = state + 2654435769 >>> 0;
    let z2 = state;
    z2 = Math.imul(z2 ^ z2 >>> 16, 2246822507) >>> 0;
    z2 = Math.imul(z2 ^ z2 >>> 13, 3266489909) >>> 0;
    return (z2 ^ z2 >>> 16) >>> 0;
  };
}
var Xoshiro128 = class {
  /** The generator's four words, kept in a typed array so drawCounts can run on locals. */
  state;
  constructor(seed2) {
    const init = splitmix32(seed2);
    this.state = Uint32Array.of(init(), init(), init(), init());
  }
  /** A uniform 32-bit unsigned integer. */
  next() {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }
  /**
   * Draws n row indices with replacement into `counts` (how often each row was drawn).
   * An index is ⌊u · n / 2³²⌋ for a uniform 32-bit u: unbiased to within n / 2³².
   * Counts are bytes, so the hot loops stay in cache; a row drawn 256 times or more
   * (for n = 10⁶ a chance near 10⁻⁵⁰⁰) makes the whole resample be drawn again.
   */
  drawCounts(n, counts) {
    while (fillCounts(this.state, n, counts)) {
    }
    return counts;
  }
};
function fillCounts(state, n, counts) {
  counts.fill(0);
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  const scale = n / 4294967296;
  let overflow = false;
  for (let k = 0; k < n; k++) {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    const row2 = result * scale >>> 0;
    const count2 = counts[row2] + 1;
    counts[row2] = count2;
    if (count2 === 256) overflow = true;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return overflow;
}
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}

// src/metrics/bootstrap.ts
function pairedBootstrap(candidate, baseline, options) {
  const n = candidate.label.length;
  const order = bootstrapOrder(candidate);
  const candidateSuite = metricSuite(permuteRows(candidate, order));
  const baselineSuite = metricSuite(permuteRows(baseline, order));
  const names = options.metrics.filter((name) => candidateSuite.names.includes(name));
  const differences = names.map(() => new Float64Array(options.resamples));
  const random = new Xoshiro128(options.seed);
  const counts = new Uint8Array(n);
  for (let r = 0; r < options.resamples; r++) {
    random.drawCounts(n, counts);
    const a = candidateSuite.compute(counts, names);
    const b = baselineSuite.compute(counts, names);
    names.forEach((name, index) => differences[index][r] = a[name] - b[name]);
  }
  const tail = (1 - options.confidence) / 2 * 100;
  const intervals = {};
  names.forEach((name, index) => {
    const valid = differences[index].filter((value2) => Number.isFinite(value2));
    intervals[name] = valid.length * 2 < options.resamples ? null : { low: percentile(valid, tail), high: percentile(valid, 100 - tail), valid: valid.length };
  });
  return { resamples: options.resamples, seed: options.seed, confidence: options.confidence, rows: n, intervals };
}

// src/metrics/normal.ts
var SQRT_PI = Math.sqrt(Math.PI);
function erfSeries(x) {
  let term2 = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term2 *= 2 * x * x / (2 * n + 1);
    sum += term2;
    if (term2 < sum * 1e-17) break;
  }
  return 2 / SQRT_PI * Math.exp(-x * x) * sum;
}
function erfcFraction(x) {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5e3; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}
function erfc(x) {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1) return 1 - erfSeries(x);
  return x > 27 ? 0 : erfcFraction(x);
}
function normalSf(z2) {
  return erfc(z2 / Math.SQRT2) / 2;
}

// src/metrics/delong.ts
function components(label, score) {
  const n = label.length;
  const order = argsortDescending(score).reverse();
  let positives = 0;
  for (let i = 0; i < n; i++) positives += label[i];
  const negatives = n - positives;
  const v10 = new Float64Array(n);
  const v01 = new Float64Array(n);
  let negBelow = 0;
  let posBelow = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    let groupPos = 0;
    let groupNeg = 0;
    while (end < n && score[order[end]] === score[order[start]]) {
      if (label[order[end]]) groupPos++;
      else groupNeg++;
      end++;
    }
    for (let k = start; k < end; k++) {
      const row2 = order[k];
      if (label[row2]) v10[row2] = (negBelow + groupNeg / 2) / negatives;
      else v01[row2] = (positives - posBelow - groupPos + groupPos / 2) / positives;
    }
    negBelow += groupNeg;
    posBelow += groupPos;
    start = end;
  }
  return { v10, v01 };
}
function covariance(a, b) {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= n;
  meanB /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i] - meanA) * (b[i] - meanB);
  return sum / (n - 1);
}
function delong(candidate, baseline) {
  const { label } = candidate;
  const split3 = (values, positive) => Array.from(label.keys()).filter((i) => label[i] === 1 === positive).map((i) => values[i]);
  const a = components(label, candidate.score);
  const b = components(label, baseline.score);
  const a10 = split3(a.v10, true);
  const b10 = split3(b.v10, true);
  const a01 = split3(a.v01, false);
  const b01 = split3(b.v01, false);
  const m = a10.length;
  const n = a01.length;
  if (m < 2 || n < 2) return null;
  const mean = (values) => values.reduce((sum, value2) => sum + value2, 0) / values.length;
  const auc = [mean(a10), mean(b10)];
  const variance = (covariance(a10, a10) + covariance(b10, b10) - 2 * covariance(a10, b10)) / m + (covariance(a01, a01) + covariance(b01, b01) - 2 * covariance(a01, b01)) / n;
  const difference = auc[0] - auc[1];
  if (!(variance > 0)) return { test: "delong", auc, variance, z: difference === 0 ? 0 : Math.sign(difference) * Infinity, p: difference === 0 ? 1 : 0 };
  const z2 = difference / Math.sqrt(variance);
  return { test: "delong", auc, variance, z: z2, p: 2 * normalSf(Math.abs(z2)) };
}

// src/metrics/types.ts
var TASKS = ["binary", "multiclass", "regression"];
function unitWeights(n) {
  return new Uint8Array(n).fill(1);
}

// src/metrics/evaluate.ts
function whyUndefined(name, rows) {
  if (name === "log_loss" && rows.task === "multiclass") return "no probability columns";
  if (["log_loss", "brier", "ece"].includes(name)) return "scores are not probabilities in [0, 1]";
  if (name === "pr_auc") return "no positive rows";
  if (name === "roc_auc") return "the labels have one class only";
  return "no rows";
}
function split(values, rows) {
  const metrics = {};
  const missing = [];
  for (const [name, value2] of Object.entries(values)) {
    if (Number.isFinite(value2)) metrics[name] = value2;
    else missing.push({ name, reason: whyUndefined(name, rows) });
  }
  return { metrics, undefined: missing };
}
function evaluateRows(rows, slicing = null) {
  const suite = metricSuite(rows);
  const n = suite.rows;
  const all = unitWeights(n);
  const overall = split(suite.compute(all), rows);
  let confusionMatrix = null;
  if (rows.task === "binary") {
    const { tn, fp, fn, tp } = confusion(rows, all);
    confusionMatrix = [[tn, fp], [fn, tp]];
  }
  let slices = null;
  if (slicing) {
    const segments = slicing.names.map((segment, code) => {
      const weights = new Uint8Array(n);
      let count2 = 0;
      for (let i = 0; i < n; i++) {
        if (slicing.codes[i] === code) {
          weights[i] = 1;
          count2++;
        }
      }
      return { segment, rows: count2, ...split(suite.compute(weights), rows) };
    });
    slices = { column: slicing.column, segments };
  }
  return { task: suite.task, rows: n, ...overall, confusionMatrix, slices };
}

// src/data/format.ts
import path2 from "node:path";

// src/util/glob.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
var GLOB_CHARS = /[*?[]/;
function isGlob(pattern) {
  return GLOB_CHARS.test(pattern);
}
function globToRegExp(glob) {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
async function walk(folder) {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    })
  );
  return nested.flat();
}
async function expandDataPath(pattern, root) {
  const absolute = path.resolve(root, pattern);
  if (!isGlob(pattern)) {
    const info = await stat(absolute).catch(() => void 0);
    if (!info) return [];
    return info.isDirectory() ? (await walk(absolute)).sort() : [absolute];
  }
  const segments = absolute.split(path.sep);
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, firstGlob).join(path.sep) || path.sep;
  const matcher = globToRegExp(segments.slice(firstGlob).join("/"));
  const files = await walk(base).catch(() => []);
  return files.filter((file) => matcher.test(path.relative(base, file).split(path.sep).join("/"))).sort();
}

// src/data/format.ts
var EXTENSIONS = {
  ".csv": "csv",
  ".tsv": "tsv",
  ".tab": "tsv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl"
};
function formatOf(file) {
  const name = file.toLowerCase().replace(/\.(gz|zst)$/, "");
  return EXTENSIONS[path2.extname(name)];
}
async function resolveSource(patterns, root) {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const display = list.join(", ");
  const files = [];
  for (const pattern of list) {
    const found = await expandDataPath(pattern, root);
    if (found.length === 0) throw new DataError(`${pattern}: no such file, or the glob matches nothing`);
    files.push(...found.filter((file) => formatOf(file) !== void 0 || found.length === 1));
  }
  if (files.length === 0) throw new DataError(`${display}: no data files (expected .csv, .tsv, .parquet, .json or .jsonl)`);
  const formats = new Set(files.map((file) => formatOf(file)));
  if (formats.has(void 0)) {
    throw new DataError(`${files.find((file) => formatOf(file) === void 0)}: unknown data format; expected .csv, .tsv, .parquet, .json or .jsonl`);
  }
  if (formats.size > 1) throw new DataError(`${display}: mixes formats (${[...formats].join(", ")}); expected one format per source`);
  return { display, files: [...new Set(files)].sort(), format: [...formats][0] };
}

// src/metrics/prediction-columns.ts
function requireColumn(columns, name, display, role) {
  if (columns.includes(name)) return name;
  const near = didYouMean(name, columns);
  throw new DataError(`${display}: no ${role} column "${name}"${near ? ` (did you mean "${near}"?)` : ""}; it has: ${columns.join(", ")}`);
}
function sortClasses(values) {
  const numeric = values.every((value2) => value2.trim() !== "" && Number.isFinite(Number(value2)));
  return [...values].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
async function distinctText(engine, view, column) {
  const rows = await engine.query(`SELECT DISTINCT CAST(${quoteIdentifier(column)} AS VARCHAR) AS v FROM ${quoteIdentifier(view)} WHERE ${quoteIdentifier(column)} IS NOT NULL`);
  return rows.map((row2) => String(row2.v));
}
async function planMulticlass(engine, view, columns, options, display, label) {
  const prefix = `${options.score ?? "score"}_`;
  const probabilityNames = columns.filter((column) => column.startsWith(prefix));
  const prediction = options.prediction ? requireColumn(columns, options.prediction, display, "prediction") : columns.includes("prediction") ? "prediction" : null;
  if (!prediction && probabilityNames.length === 0) {
    throw new DataError(`${display}: no "prediction" column and no probability columns "${prefix}<class>"; expected at least one of them for a multiclass model`);
  }
  const seen = new Set(await distinctText(engine, view, label));
  if (prediction) for (const value2 of await distinctText(engine, view, prediction)) seen.add(value2);
  for (const column of probabilityNames) seen.add(column.slice(prefix.length));
  const classes = sortClasses([...seen]);
  let probabilityColumns = null;
  if (probabilityNames.length > 0) {
    const missing = classes.filter((name) => !probabilityNames.includes(`${prefix}${name}`));
    if (missing.length > 0) throw new DataError(`${display}: no probability column "${prefix}${missing[0]}" for class "${missing[0]}"; expected one "${prefix}<class>" column per class`);
    probabilityColumns = classes.map((name) => `${prefix}${name}`);
  }
  return { task: "multiclass", label, score: null, prediction, threshold: 0.5, classes, probabilityColumns };
}
async function planColumns(engine, view, options, display) {
  const columns = (await engine.columns(view)).map((column) => column.name);
  const label = requireColumn(columns, options.label ?? "label", display, "label");
  const threshold = options.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) throw new UsageError(`--threshold ${threshold}: expected a number`);
  switch (options.task) {
    case "binary": {
      const score = requireColumn(columns, options.score ?? "score", display, "score");
      const prediction = options.prediction ? requireColumn(columns, options.prediction, display, "prediction") : null;
      return { task: "binary", label, score, prediction, threshold, classes: ["0", "1"], probabilityColumns: null };
    }
    case "multiclass":
      return planMulticlass(engine, view, columns, options, display, label);
    case "regression": {
      const given = options.prediction ?? (columns.includes("prediction") ? "prediction" : options.score ?? "score");
      const prediction = requireColumn(columns, given, display, "prediction");
      return { task: "regression", label, score: null, prediction, threshold, classes: [], probabilityColumns: null };
    }
  }
}
function numericColumns(plan) {
  if (plan.task === "binary") return [plan.label, plan.score, ...plan.prediction ? [plan.prediction] : []];
  if (plan.task === "regression") return [plan.label, plan.prediction];
  return plan.probabilityColumns ?? [];
}
function selectExpressions(plan, alias) {
  const col = (name) => `${alias}.${quoteIdentifier(name)}`;
  if (plan.task !== "multiclass") return numericColumns(plan).map((name) => `CAST(${col(name)} AS DOUBLE)`);
  const classes = `[${plan.classes.map(quoteLiteral).join(", ")}]`;
  const code = (name) => `list_position(${classes}, CAST(${col(name)} AS VARCHAR)) - 1`;
  return [code(plan.label), ...plan.prediction ? [code(plan.prediction)] : [], ...(plan.probabilityColumns ?? []).map((name) => `CAST(${col(name)} AS DOUBLE)`)];
}
async function checkValues(engine, view, plan, display) {
  const nullable = plan.task === "multiclass" ? [plan.label, ...plan.prediction ? [plan.prediction] : [], ...numericColumns(plan)] : numericColumns(plan);
  const numeric = new Set(numericColumns(plan));
  for (const column of nullable) {
    const q3 = quoteIdentifier(column);
    const test = numeric.has(column) ? `(${q3} IS NULL OR TRY_CAST(${q3} AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(${q3} AS DOUBLE)))` : `${q3} IS NULL`;
    const [row2] = await engine.query(`SELECT count(*) FILTER (WHERE ${test}) AS bad, first(CAST(${q3} AS VARCHAR)) FILTER (WHERE ${test}) AS example FROM ${quoteIdentifier(view)}`);
    const bad = Number(row2?.bad ?? 0);
    if (bad > 0) {
      const what = row2?.example === null || row2?.example === void 0 ? "empty" : `"${String(row2.example)}"`;
      const problem = numeric.has(column) ? bad === 1 ? "is not a finite number" : "are not finite numbers" : bad === 1 ? "is empty" : "are empty";
      throw new DataError(`${display}: column "${column}" has ${bad} value${bad === 1 ? "" : "s"} that ${problem} (first: ${what})`);
    }
  }
  if (plan.task === "binary") {
    for (const column of [plan.label, ...plan.prediction ? [plan.prediction] : []]) {
      const q3 = quoteIdentifier(column);
      const [row2] = await engine.query(`SELECT count(*) FILTER (WHERE CAST(${q3} AS DOUBLE) NOT IN (0, 1)) AS bad, first(CAST(${q3} AS VARCHAR)) FILTER (WHERE CAST(${q3} AS DOUBLE) NOT IN (0, 1)) AS example FROM ${quoteIdentifier(view)}`);
      if (Number(row2?.bad ?? 0) > 0) throw new DataError(`${display}: column "${column}" holds "${String(row2?.example)}"; expected 0 or 1 (or true/false) for a binary model`);
    }
  }
}

// src/metrics/load-predictions.ts
var MISSING_SEGMENT = "(missing)";
function rowsFromColumns(plan, columns) {
  if (plan.task === "binary") {
    const [label2, score, prediction] = columns;
    const predicted2 = new Uint8Array(label2.length);
    for (let i = 0; i < label2.length; i++) predicted2[i] = prediction ? prediction[i] : score[i] >= plan.threshold ? 1 : 0;
    return { task: "binary", label: Uint8Array.from(label2), score, predicted: predicted2 };
  }
  if (plan.task === "regression") return { task: "regression", label: columns[0], predicted: columns[1] };
  const label = Int32Array.from(columns[0]);
  const probabilities = plan.probabilityColumns ? columns.slice(plan.prediction ? 2 : 1) : null;
  let predicted;
  if (plan.prediction) predicted = Int32Array.from(columns[1]);
  else {
    predicted = new Int32Array(label.length);
    for (let i = 0; i < label.length; i++) {
      let best = 0;
      for (let c = 1; c < probabilities.length; c++) if (probabilities[c][i] > probabilities[best][i]) best = c;
      predicted[i] = best;
    }
  }
  return { task: "multiclass", classes: plan.classes, label, predicted, probabilities };
}
async function registerFile(engine, table2, file, cwd) {
  const source = await resolveSource(file, cwd);
  await engine.register(`${table2}_source`, source);
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table2)} AS SELECT * FROM ${quoteIdentifier(`${table2}_source`)}`, source);
  return source;
}
async function slicingOf(engine, slice, cwd, display) {
  const columnsOf = async (view) => (await engine.columns(view)).map((column) => column.name);
  let from = "predictions p";
  let owner = "p";
  let ownerDisplay = display;
  if (slice.data) {
    const id = slice.id ?? "id";
    await registerFile(engine, "slice_data", slice.data, cwd);
    for (const [view, shown] of [["predictions", display], ["slice_data", slice.data]]) {
      if (!(await columnsOf(view)).includes(id)) throw new DataError(`${shown}: no id column "${id}" to join predictions and data on; choose one with --id`);
    }
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(id)}) AS d FROM slice_data`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${slice.data}: column "${id}" repeats ${Number(dupes?.d)} ids; expected one row per id to join predictions on`);
    from = `predictions p LEFT JOIN slice_data d ON p.${quoteIdentifier(id)} = d.${quoteIdentifier(id)}`;
    owner = "d";
    ownerDisplay = slice.data;
  }
  const available = await columnsOf(owner === "p" ? "predictions" : "slice_data");
  if (!available.includes(slice.column)) {
    throw new DataError(`${ownerDisplay}: no column "${slice.column}" to slice by; it has: ${available.join(", ")}${slice.data ? "" : " (add --data <file> to slice by a column of the evaluation data)"}`);
  }
  const text = `CAST(${owner}.${quoteIdentifier(slice.column)} AS VARCHAR)`;
  const rows = await engine.query(`SELECT DISTINCT ${text} AS v FROM ${from} WHERE ${text} IS NOT NULL ORDER BY v`);
  const names = rows.map((row2) => String(row2.v));
  const expression = `CASE WHEN ${text} IS NULL THEN ${names.length} ELSE dense_rank() OVER (ORDER BY ${text}) - 1 END`;
  return { from, expression, names };
}
async function loadPredictions(engine, input) {
  await registerFile(engine, "predictions", input.file, input.cwd);
  const plan = await planColumns(engine, "predictions", input.columns, input.file);
  await checkValues(engine, "predictions", plan, input.file);
  const select = selectExpressions(plan, "p");
  if (!input.slice) {
    const { columns: columns2 } = await engine.queryNumbers(`SELECT ${select.join(", ")} FROM predictions p`);
    if (columns2[0].length === 0) throw new DataError(`${input.file}: has no rows; expected one prediction per row`);
    return { rows: rowsFromColumns(plan, columns2), plan, slicing: null };
  }
  const { from, expression, names } = await slicingOf(engine, input.slice, input.cwd, input.file);
  const { columns } = await engine.queryNumbers(`SELECT ${[...select, expression].join(", ")} FROM ${from}`);
  const codesColumn = columns.pop();
  if (codesColumn.length === 0) throw new DataError(`${input.file}: has no rows; expected one prediction per row`);
  const codes = Int32Array.from(codesColumn);
  const hasMissing = codes.some((code) => code === names.length);
  return { rows: rowsFromColumns(plan, columns), plan, slicing: { column: input.slice.column, names: hasMissing ? [...names, MISSING_SEGMENT] : names, codes } };
}
async function loadPairedPredictions(engine, input) {
  const id = input.id ?? "id";
  const plans = [];
  for (const [view, file] of [["candidate", input.candidate], ["baseline", input.baseline]]) {
    await registerFile(engine, view, file, input.cwd);
    const names = (await engine.columns(view)).map((column) => column.name);
    if (!names.includes(id)) throw new DataError(`${file}: no id column "${id}" to pair rows of the two models; choose one with --id`);
    const [dupes] = await engine.query(`SELECT count(*) - count(DISTINCT ${quoteIdentifier(id)}) AS d FROM ${view}`);
    if (Number(dupes?.d ?? 0) > 0) throw new DataError(`${file}: column "${id}" repeats ${Number(dupes?.d)} ids; expected one prediction per row id`);
    const plan = await planColumns(engine, view, input.columns, file);
    await checkValues(engine, view, plan, file);
    plans.push(plan);
  }
  const [candidatePlan, baselinePlan] = plans;
  if (candidatePlan.task === "multiclass" && candidatePlan.classes.join("\0") !== baselinePlan.classes.join("\0")) {
    const union = [.../* @__PURE__ */ new Set([...candidatePlan.classes, ...baselinePlan.classes])];
    if (candidatePlan.probabilityColumns || baselinePlan.probabilityColumns) {
      throw new DataError(`${input.candidate}, ${input.baseline}: the two models have probability columns for different classes; expected the same classes to compare them`);
    }
    candidatePlan.classes = baselinePlan.classes = sortClasses(union);
  }
  const key = quoteIdentifier(id);
  const label = quoteIdentifier(candidatePlan.label);
  const [counts] = await engine.query(
    `SELECT count(*) FILTER (WHERE b.${key} IS NULL) AS c_only, count(*) FILTER (WHERE c.${key} IS NULL) AS b_only, count(*) FILTER (WHERE c.${key} IS NOT NULL AND b.${key} IS NOT NULL) AS shared, count(*) FILTER (WHERE c.${key} IS NOT NULL AND b.${key} IS NOT NULL AND CAST(c.${label} AS VARCHAR) IS DISTINCT FROM CAST(b.${quoteIdentifier(baselinePlan.label)} AS VARCHAR)) AS differ FROM candidate c FULL OUTER JOIN baseline b ON c.${key} = b.${key}`
  );
  const shared = Number(counts?.shared ?? 0);
  if (shared === 0) throw new DataError(`${input.candidate}, ${input.baseline}: no row id in both files; expected predictions of both models on the same rows`);
  if (Number(counts?.differ ?? 0) > 0) {
    throw new DataError(`${input.candidate}, ${input.baseline}: ${Number(counts?.differ)} shared rows have different labels; expected both models scored on the same labelled rows`);
  }
  const candidateSelect = selectExpressions(candidatePlan, "c");
  const baselineSelect = selectExpressions(baselinePlan, "b");
  const { columns } = await engine.queryNumbers(`SELECT ${[...candidateSelect, ...baselineSelect].join(", ")} FROM candidate c JOIN baseline b ON c.${key} = b.${key} ORDER BY c.${key}`);
  return {
    candidate: rowsFromColumns(candidatePlan, columns.slice(0, candidateSelect.length)),
    baseline: rowsFromColumns(baselinePlan, columns.slice(candidateSelect.length)),
    shared,
    candidateOnly: Number(counts?.c_only ?? 0),
    baselineOnly: Number(counts?.b_only ?? 0)
  };
}

// src/metrics/mcnemar.ts
function mcnemarExactP(b, c) {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let logTop = 0;
  for (let i = 1; i <= k; i++) logTop += Math.log((n - k + i) / i);
  let sum = 1;
  let term2 = 1;
  for (let j = k; j > 0; j--) {
    term2 *= j / (n - j + 1);
    sum += term2;
    if (term2 < sum * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTop - n * Math.LN2) * sum);
}
function mcnemar(candidate, baseline) {
  let b = 0;
  let c = 0;
  for (let i = 0; i < candidate.label.length; i++) {
    const candidateRight = candidate.predicted[i] === candidate.label[i];
    const baselineRight = baseline.predicted[i] === baseline.label[i];
    if (candidateRight && !baselineRight) b++;
    else if (!candidateRight && baselineRight) c++;
  }
  return { test: "mcnemar-exact", b, c, p: mcnemarExactP(b, c) };
}

// src/metrics/policy.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/config/load.ts
import { readFile, stat as stat2 } from "node:fs/promises";
import path3 from "node:path";

// src/config/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_CONFIG_BYTES = 1024 * 1024;
var MAX_ALIASES = 100;
function parseYamlSource(text, file) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${bytes} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = document.errors[0];
  if (first) {
    const position = first.pos ? toPosition(lines, first.pos[0]) : void 0;
    throw new ConfigError({ file, message: `invalid YAML: ${first.message.split("\n")[0]}`, ...position ? { position } : {} });
  }
  let value2;
  try {
    value2 = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error && /alias/i.test(error.message) ? `too many YAML aliases (an alias bomb); expected at most ${MAX_ALIASES}` : `invalid YAML: ${String(error)}`;
    throw new ConfigError({ file, message: reason });
  }
  return { file, document, lines, value: value2 };
}
function toPosition(lines, offset) {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
function positionOf(source, path40, keyOf) {
  let node = source.document.contents;
  for (const segment of path40) {
    const next = node?.get?.(segment, true);
    if (next === void 0 || next === null) break;
    node = next;
  }
  if (keyOf !== void 0 && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === keyOf);
    if (pair && (0, import_yaml.isScalar)(pair.key) && pair.key.range) return toPosition(source.lines, pair.key.range[0]);
  }
  const range = node?.range;
  return range ? toPosition(source.lines, range[0]) : void 0;
}

// src/config/load.ts
var DEFAULT_CONFIG_PATH = ".github/trainyard.yml";
function parseConfig(text, file) {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === void 0) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "models" key' });
  }
  const result = configSchema.safeParse(source.value);
  if (result.success) return result.data;
  const [first] = explainIssues(configSchema, source.value, result.error.issues);
  if (!first) throw new ConfigError({ file, message: result.error.message });
  const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
  const key = first.path.map(String).join(".") || void 0;
  throw new ConfigError({ file, message: first.message, ...position ? { position } : {}, ...key ? { key } : {} });
}
function projectRootOf(configFile) {
  const folder = path3.dirname(path3.resolve(configFile));
  return path3.basename(folder) === ".github" ? path3.dirname(folder) : folder;
}
async function loadConfig(path_, shownAs) {
  const file = shownAs ?? path_;
  let size;
  try {
    const info = await stat2(path_);
    if (!info.isFile()) throw new ConfigError({ file, message: "not a file; expected a YAML config file" });
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({ file, message: `cannot read the config (${error.code ?? "error"}); expected a YAML file such as ${DEFAULT_CONFIG_PATH}` });
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const text = await readFile(path_, "utf8");
  return { config: parseConfig(text, file), file, text, root: projectRootOf(path_) };
}

// src/metrics/policy.ts
var policyFileSchema = external_exports.strictObject({
  policy: external_exports.record(external_exports.string().min(1), metricRuleSchema).describe("Gates per metric name."),
  significance: significanceSchema.optional()
}).describe("A trainyard comparison policy file.");
function policyOfModel(model) {
  return { rules: model.metrics.policy, significance: model.metrics.significance ?? null };
}
function chooseModel(models, wanted, file) {
  const names = Object.keys(models);
  if (wanted !== void 0) {
    const model = models[wanted];
    if (!model) throw new UsageError(`${file}: no model "${wanted}"; the config has: ${names.join(", ")}`);
    return [wanted, model];
  }
  if (names.length > 1) throw new UsageError(`${file}: the config has several models (${names.join(", ")}); choose one with --model`);
  return [names[0], models[names[0]]];
}
function parsePolicy(text, file, model) {
  const source = parseYamlSource(text, file);
  const value2 = source.value;
  if (value2 !== null && typeof value2 === "object" && "models" in value2) {
    const config = parseConfig(text, file);
    const [name, chosen] = chooseModel(config.models, model, file);
    return { policy: policyOfModel(chosen), model: name, task: chosen.task };
  }
  const result = policyFileSchema.safeParse(value2 ?? {});
  if (!result.success) {
    const [first] = explainIssues(policyFileSchema, value2, result.error.issues);
    if (!first) throw new ConfigError({ file, message: result.error.message });
    const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
    const key = first.path.map(String).join(".") || void 0;
    throw new ConfigError({ file, message: first.message, ...position ? { position } : {}, ...key ? { key } : {} });
  }
  return { policy: { rules: result.data.policy, significance: result.data.significance ?? null }, model: null, task: null };
}
async function loadPolicy(file, shownAs, model) {
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (error) {
    throw new ConfigError({ file: shownAs, message: `cannot read the policy (${error.code ?? "error"}); expected a trainyard config or a policy file` });
  }
  return parsePolicy(text, shownAs, model);
}

// src/metrics/stages.ts
var DEFAULT_BOOTSTRAP = { confidence: 0.95, resamples: 1e3, seed: 42 };
async function evaluateStage(input) {
  const engine = await DataEngine.open();
  try {
    const loaded = await loadPredictions(engine, { file: input.predictions, cwd: input.cwd, columns: input.columns, ...input.slice ? { slice: input.slice } : {} });
    return evaluateRows(loaded.rows, loaded.slicing);
  } finally {
    engine.close();
  }
}
async function sideMetrics(side2, input, role) {
  if (side2.metrics) return { metrics: side2.metrics, file: side2.metricsFile ?? `${role} metrics` };
  if (side2.metricsFile) return { metrics: await readMetricsFile(side2.metricsFile), file: side2.metricsFile };
  if (side2.predictions) {
    const result = await evaluateStage({ predictions: side2.predictions, cwd: input.cwd, columns: input.columns });
    return { metrics: result.metrics, file: side2.predictions };
  }
  throw new DataError(`the ${role} has neither a metrics file nor predictions; expected at least one`);
}
function pairedEvidence(paired, settings, names) {
  const { candidate, baseline } = paired;
  const metrics = TASK_METRICS[candidate.task].filter((name) => names.includes(name));
  const bootstrap = pairedBootstrap(candidate, baseline, { metrics, ...settings });
  const tests2 = {};
  if (candidate.task !== "regression" && baseline.task !== "regression" && names.includes("accuracy")) tests2.accuracy = mcnemar(candidate, baseline);
  if (candidate.task === "binary" && baseline.task === "binary" && names.includes("roc_auc")) {
    const result = delong(candidate, baseline);
    if (result) tests2.roc_auc = result;
  }
  return { bootstrap, tests: tests2, rows: { shared: paired.shared, candidateOnly: paired.candidateOnly, baselineOnly: paired.baselineOnly } };
}
async function compareStage(input) {
  const candidate = await sideMetrics(input.candidate, input, "candidate");
  const baseline = input.baseline ? await sideMetrics(input.baseline, input, "baseline") : null;
  let paired = null;
  const candidatePredictions = input.candidate.predictions;
  const baselinePredictions = input.baseline?.predictions;
  if (candidatePredictions && baselinePredictions) {
    const engine = await DataEngine.open();
    try {
      const rows = await loadPairedPredictions(engine, { candidate: candidatePredictions, baseline: baselinePredictions, cwd: input.cwd, columns: input.columns, ...input.id ? { id: input.id } : {} });
      const settings = { ...DEFAULT_BOOTSTRAP, ...input.policy.significance ?? {}, ...input.bootstrap ?? {} };
      const names = [...Object.keys(input.policy.rules), ...Object.keys(candidate.metrics)];
      paired = pairedEvidence(rows, settings, names);
    } finally {
      engine.close();
    }
  }
  return compareModels({ candidate, baseline, policy: input.policy, paired });
}
function splitTrainerBaseline(metrics) {
  const candidate = {};
  const baseline = {};
  for (const [name, value2] of Object.entries(metrics)) {
    if (name.startsWith(BASELINE_PREFIX) && metrics[name.slice(BASELINE_PREFIX.length)] !== void 0) baseline[name.slice(BASELINE_PREFIX.length)] = value2;
    else candidate[name] = value2;
  }
  return { candidate, baseline: Object.keys(baseline).length > 0 ? baseline : null };
}
async function trainerComparisonStage(input) {
  const { candidate, baseline } = splitTrainerBaseline(input.metrics);
  const comparison = await compareStage({
    candidate: { metrics: candidate, metricsFile: input.metricsFile },
    baseline: baseline ? { metrics: baseline, metricsFile: `${input.metricsFile} (${BASELINE_PREFIX}*)` } : null,
    policy: policyOfModel(input.model),
    columns: { task: input.model.task },
    cwd: input.cwd
  });
  return { comparison, report: renderJobSummary({ model: input.name, comparison, baselineName: "trainer baseline" }) };
}

// src/metrics/write-metrics.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { mkdir, rename, writeFile } from "node:fs/promises";
import path4 from "node:path";
function renderMetrics(values, file) {
  const format = metricFileFormat(file);
  if (format === "yaml") return (0, import_yaml2.stringify)(values);
  if (format === "csv" || format === "tsv") {
    const delimiter = format === "csv" ? "," : "	";
    const quote2 = (text) => /[",\t\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    return `${["name", "value"].join(delimiter)}
${Object.entries(values).map(([name, value2]) => `${quote2(name)}${delimiter}${value2}`).join("\n")}
`;
  }
  return `${JSON.stringify(values, null, 2)}
`;
}
async function writeFileAtomic(file, text) {
  await mkdir(path4.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

// src/cli/commands/compare-inputs.ts
import { access, readFile as readFile3 } from "node:fs/promises";
import path5 from "node:path";
async function resolvePolicy(cwd, given, model) {
  if (given) return { ...await loadPolicy(path5.resolve(cwd, given), given, model), file: given };
  const fallback = path5.resolve(cwd, DEFAULT_CONFIG_PATH);
  const exists3 = await access(fallback).then(
    () => true,
    () => false
  );
  if (exists3) return { ...await loadPolicy(fallback, DEFAULT_CONFIG_PATH, model), file: DEFAULT_CONFIG_PATH };
  return { policy: { rules: {}, significance: null }, model: model ?? null, task: null, file: null };
}
async function readJson(file, shown, what) {
  let text;
  try {
    text = await readFile3(file, "utf8");
  } catch (error) {
    throw new DataError(`${shown}: cannot read the ${what} (${error.code ?? "error"})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: invalid JSON (${error.message}); expected the ${what}`);
  }
}
async function readHistory(cwd, given) {
  const document = await readJson(path5.resolve(cwd, given), given, "version history");
  if (!Array.isArray(document)) throw new DataError(`${given}: expected a JSON array of {"version", "metrics"} objects, oldest first`);
  return document.map((entry, index) => {
    const item = entry;
    if (item === null || typeof item !== "object" || typeof item.version !== "string") {
      throw new DataError(`${given}: entry ${index} has no "version" string; expected {"version", "metrics"}`);
    }
    return { version: item.version, metrics: flattenMetrics(item.metrics, `${given} [${index}].metrics`) };
  });
}
async function readLineage(cwd, given) {
  const document = await readJson(path5.resolve(cwd, given), given, "lineage.json");
  const lineage2 = document;
  if (!lineage2 || typeof lineage2 !== "object" || lineage2.schemaVersion !== 1 || typeof lineage2.command !== "string" || !Array.isArray(lineage2.data)) {
    throw new DataError(`${given}: not a trainyard lineage.json (expected schemaVersion 1 with command and data)`);
  }
  return lineage2;
}

// src/cli/commands/evaluate-options.ts
function parseTask(value2) {
  if (TASKS.includes(value2)) return value2;
  throw new UsageError(`--task ${value2}: expected one of ${TASKS.join(", ")}`);
}
function parseNumberOption(flag, value2) {
  const number2 = value2.trim() === "" ? Number.NaN : Number(value2);
  if (!Number.isFinite(number2)) throw new UsageError(`${flag} ${value2}: expected a number`);
  return number2;
}
function parseIntegerOption(flag, value2, min, max2) {
  const number2 = parseNumberOption(flag, value2);
  if (!Number.isInteger(number2) || number2 < min || number2 > max2) throw new UsageError(`${flag} ${value2}: expected a whole number from ${min} to ${max2}`);
  return number2;
}

// src/cli/commands/compare.ts
function side(cwd, metrics, predictions) {
  if (!metrics && !predictions) return null;
  return { ...metrics ? { metricsFile: path6.resolve(cwd, metrics) } : {}, ...predictions ? { predictions } : {} };
}
function registerCompare(program2, io, setExit) {
  program2.command("compare").description("Judge a candidate against a baseline under the metric policy; exit 0 pass, 1 fail or inconclusive, 2 bad input.").option("--candidate <metrics>", "the candidate's metrics file (JSON, YAML, CSV or TSV)").option("--baseline <metrics>", "the baseline's (champion's) metrics file; none for a first model").option("--candidate-predictions <file>", "the candidate's predictions, for paired intervals (or metrics, without --candidate)").option("--baseline-predictions <file>", "the baseline's predictions on the same rows").option("--policy <file>", `a trainyard config or a policy file (default: ${".github/trainyard.yml"} when present)`).option("-m, --model <name>", "the model whose policy applies (when the config has several)").option("-t, --task <task>", `the kind of model, for predictions: ${TASKS.join(", ")} (default: the model's task)`).option("--label <column>", "the label column of the predictions", "label").option("--score <column>", "the score column (multiclass: probability column prefix)", "score").option("--prediction <column>", "the predicted class or value column").option("--threshold <number>", "binary: the score from which a row is predicted positive", "0.5").option("--id <column>", "the row id pairing the two predictions files", "id").option("--resamples <n>", "bootstrap resamples (default: the policy's significance, else 1000)").option("--seed <n>", "bootstrap seed (default: the policy's significance, else 42)").option("--confidence <level>", "interval confidence (default: the policy's significance, else 0.95)").option("--history <file>", `previous versions' metrics for the chart: [{"version", "metrics"}], oldest first`).option("--lineage <file>", "the candidate's lineage.json, for the report").option("--baseline-name <name>", "what the report calls the baseline", "champion").option("--json", "print comparison.json instead of the report").option("-o, --out <file>", "write comparison.json here").option("--markdown <file>", "write the report (job-summary Markdown) here").action(async (options) => {
    const candidate = side(io.cwd, options.candidate, options.candidatePredictions);
    if (!candidate) throw new UsageError("expected --candidate <metrics> or --candidate-predictions <file>");
    const baseline = side(io.cwd, options.baseline, options.baselinePredictions);
    const loaded = await resolvePolicy(io.cwd, options.policy, options.model);
    const needsTask = Boolean(options.candidatePredictions || options.baselinePredictions);
    const task = options.task ? parseTask(options.task) : loaded.task;
    if (needsTask && !task) throw new UsageError("--task is needed to read predictions when the policy does not come from a trainyard config");
    const confidence = options.confidence === void 0 ? void 0 : parseNumberOption("--confidence", options.confidence);
    if (confidence !== void 0 && !(confidence > 0 && confidence < 1)) throw new UsageError(`--confidence ${options.confidence}: expected a number between 0 and 1, such as 0.95`);
    const bootstrap = {
      ...options.resamples ? { resamples: parseIntegerOption("--resamples", options.resamples, 100, 1e5) } : {},
      ...options.seed ? { seed: parseIntegerOption("--seed", options.seed, 0, 2 ** 32 - 1) } : {},
      ...confidence !== void 0 ? { confidence } : {}
    };
    const history2 = options.history ? await readHistory(io.cwd, options.history) : void 0;
    const lineage2 = options.lineage ? await readLineage(io.cwd, options.lineage) : void 0;
    const comparison = await compareStage({
      candidate,
      baseline,
      policy: loaded.policy,
      columns: { task: task ?? "binary", label: options.label, score: options.score, ...options.prediction ? { prediction: options.prediction } : {}, threshold: parseNumberOption("--threshold", options.threshold) },
      id: options.id,
      cwd: io.cwd,
      bootstrap
    });
    const model = loaded.model ?? options.model ?? null;
    const document = comparisonDocument(comparison, {
      model,
      candidate: options.candidate ?? options.candidatePredictions,
      baseline: options.baseline ?? options.baselinePredictions ?? null
    });
    const report = renderJobSummary({
      model: model ?? "model",
      comparison,
      baselineName: options.baselineName ?? "champion",
      ...history2 ? { history: history2 } : {},
      ...lineage2 ? { lineage: lineage2 } : {}
    });
    const json = `${JSON.stringify(document, null, 2)}
`;
    if (options.out) await writeFileAtomic(path6.resolve(io.cwd, options.out), json);
    if (options.markdown) await writeFileAtomic(path6.resolve(io.cwd, options.markdown), report);
    io.stdout(options.json ? json : report);
    setExit(verdictExitCode(comparison.verdict));
  });
}

// src/cli/shared.ts
import path7 from "node:path";

// src/train/system-facts.ts
import { execFile } from "node:child_process";
import os from "node:os";
import { promisify } from "node:util";
var run = promisify(execFile);
async function output(command, args, cwd) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout: 1e4 });
    return (stdout || stderr).trim();
  } catch {
    return null;
  }
}
async function gatherSystemFacts(root, env) {
  const [commit, status, python] = await Promise.all([
    output("git", ["rev-parse", "HEAD"], root),
    output("git", ["status", "--porcelain", "--untracked-files=no"], root),
    output("python3", ["--version"], root)
  ]);
  return {
    git: { commit, dirty: status === null ? null : status.length > 0 },
    runner: {
      name: env.RUNNER_NAME ?? null,
      os: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      labels: (env.TRAINYARD_RUNNER_LABELS ?? "").split(",").map((label) => label.trim()).filter(Boolean)
    },
    python: python?.replace(/^Python\s+/, "") ?? null
  };
}

// src/cli/shared.ts
async function openConfig(io, configOption) {
  const given = configOption ?? DEFAULT_CONFIG_PATH;
  return loadConfig(path7.resolve(io.cwd, given), given);
}
async function openProject(io, configOption) {
  const loaded = await openConfig(io, configOption);
  const system = await gatherSystemFacts(loaded.root, io.env);
  return { loaded, configSha256: sha256Text(loaded.text), system, versions: { node: process.version, trainyard: VERSION } };
}
function runId(now) {
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
}

// src/cli/commands/config.ts
function registerConfig(program2, io, setExit) {
  const config = program2.command("config").description("Work with the trainyard config file.");
  config.command("check").description("Validate the config file; errors name the line, column and key.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").action(async (options) => {
    const loaded = await openConfig(io, options.config);
    const names = Object.keys(loaded.config.models);
    io.stdout(`${loaded.file}: valid, ${names.length} model${names.length === 1 ? "" : "s"} (${names.join(", ")})
`);
    setExit(0);
  });
}

// src/cli/commands/deploy.ts
import path13 from "node:path";

// src/deploy/deploy.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import path8 from "node:path";

// src/train/run-command.ts
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
var FORWARDED = ["SIGINT", "SIGTERM"];
async function runCommand(spec) {
  const log = createWriteStream(spec.logFile, { flags: "w" });
  const startedAt = /* @__PURE__ */ new Date();
  const child = spawn(spec.command, { cwd: spec.cwd, env: spec.env, shell: true, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const killGroup = (signal) => {
    if (child.pid === void 0) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
    }
  };
  let timedOut = false;
  let cancelledBy = null;
  let escalation;
  const stop = (signal) => {
    killGroup(signal);
    escalation ??= setTimeout(() => killGroup("SIGKILL"), spec.killGraceMs ?? 1e4);
  };
  const onSignal = (signal) => {
    cancelledBy = signal;
    stop(signal);
  };
  for (const signal of FORWARDED) process.on(signal, onSignal);
  const timer = setTimeout(() => {
    timedOut = true;
    stop("SIGTERM");
  }, spec.timeoutMs);
  const pipe = (chunk) => {
    const text = chunk.toString("utf8");
    log.write(text);
    spec.echo(text);
  };
  child.stdout.on("data", pipe);
  child.stderr.on("data", pipe);
  try {
    const { code, signal } = await new Promise((resolve, reject) => {
      child.once("error", (error) => reject(new CommandError(`cannot start "${spec.command}": ${error.message}`)));
      child.once("close", (exitCode2, exitSignal) => resolve({ code: exitCode2, signal: exitSignal }));
    });
    const exitCode = code ?? 128 + signalNumber(signal);
    return { exitCode, signal, timedOut, cancelledBy, startedAt, endedAt: /* @__PURE__ */ new Date() };
  } finally {
    clearTimeout(timer);
    if (escalation) clearTimeout(escalation);
    for (const signal of FORWARDED) process.off(signal, onSignal);
    await new Promise((resolve) => log.end(resolve));
  }
}
function signalNumber(signal) {
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return (signal && numbers[signal]) ?? 1;
}

// src/deploy/deploy.ts
async function pickVersion(request) {
  if (request.version !== "candidate") return request.registry.version(request.name, { version: request.version });
  const newest = (await request.registry.versions(request.name)).at(-1);
  if (!newest) throw new RegistryError(request.registry.location, `${request.name} has no registered version to deploy`);
  return newest;
}
async function deployVersion(request) {
  checkModelName(request.name);
  checkEnvironmentName(request.environment);
  const version = await pickVersion(request);
  const command = request.model.deploy?.command ?? null;
  const label = `${request.name} v${version.version}`;
  const steps = [
    `download ${label} from ${request.registry.location} into ${request.modelDir}`,
    command ? `run "${command}" with MODEL_DIR=${path8.join(request.modelDir, "model")} MODEL_VERSION=${version.version}` : `run no deploy command (models.${request.name}.deploy.command is not set)`,
    `record the promotion of ${label} to ${request.environment}`
  ];
  if (request.dryRun) return { version, steps, promotion: null };
  await mkdir2(path8.dirname(request.modelDir), { recursive: true });
  await request.registry.download(request.name, version.version, request.modelDir);
  if (command) {
    const outcome = await runCommand({
      command,
      cwd: request.root,
      timeoutMs: (request.model.deploy?.timeout_minutes ?? 30) * 6e4,
      logFile: path8.join(request.modelDir, "deploy.log"),
      echo: request.echo,
      env: { ...request.env, MODEL_DIR: path8.join(request.modelDir, "model"), MODEL_VERSION: String(version.version), MODEL_NAME: request.name, TRAINYARD_ENVIRONMENT: request.environment }
    });
    if (outcome.exitCode !== 0 || outcome.timedOut) {
      const why = outcome.timedOut ? "timed out" : `exited with ${outcome.exitCode}`;
      throw new CommandError(`deploy command "${command}" ${why}; ${label} was not promoted to ${request.environment}`, { exitCode: 1 });
    }
  }
  const promotion = await request.registry.promote({
    model: request.name,
    version: version.version,
    environment: request.environment,
    decision: "approved",
    approvers: request.approvers,
    gate: request.gate,
    reason: request.reason,
    runUrl: request.runUrl,
    actor: request.actor
  });
  return { version, steps, promotion };
}

// src/deploy/deployment-status.ts
var MAX_DESCRIPTION = 140;
function statusDescription(text) {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}\u2026`;
}
async function findDeployment(target) {
  const { context, sha, environment } = target;
  const { data } = await call(
    context,
    `listing deployments of ${sha} to ${environment}`,
    () => context.octokit.rest.repos.listDeployments({ owner: context.owner, repo: context.repo, sha, environment, per_page: 1 })
  );
  return data[0]?.id ?? null;
}
async function setDeploymentStatus(target, deploymentId, state, description) {
  const { context } = target;
  await call(
    context,
    `setting deployment ${deploymentId} to ${state}`,
    () => context.octokit.rest.repos.createDeploymentStatus({
      owner: context.owner,
      repo: context.repo,
      deployment_id: deploymentId,
      state,
      description: statusDescription(description),
      ...target.environmentUrl ? { environment_url: target.environmentUrl } : {},
      ...target.logUrl ? { log_url: target.logUrl } : {}
    })
  );
}
async function withDeploymentStatus(target, deploy, describe3, note) {
  const deploymentId = await findDeployment(target);
  if (deploymentId === null) return { result: await deploy(), deploymentId };
  await setDeploymentStatus(target, deploymentId, "in_progress", describe3.started);
  let result;
  try {
    result = await deploy();
  } catch (error) {
    await setDeploymentStatus(target, deploymentId, "failure", describeThrown(error)).catch((statusError) => {
      note(`could not set deployment ${deploymentId} to failure: ${describeThrown(statusError)}`);
    });
    throw error;
  }
  await setDeploymentStatus(target, deploymentId, "success", describe3.succeeded(result));
  return { result, deploymentId };
}

// src/registry/local/local-registry.ts
import { appendFile, mkdir as mkdir4, readdir as readdir3, readFile as readFile5, rm, writeFile as writeFile3 } from "node:fs/promises";
import path10 from "node:path";

// src/registry/local/version-folder.ts
import { randomBytes } from "node:crypto";
import { copyFile, mkdir as mkdir3, readdir as readdir2, readFile as readFile4, rename as rename2, writeFile as writeFile2 } from "node:fs/promises";
import path9 from "node:path";
var REGISTRATION_FILE = "registration.json";
var COMPLETE_FILE = "complete";
var ABANDONED_FILE = "abandoned";
var CARD_FILE = "card.md";
var FILES_DIR = "files";
var registrationSchema = external_exports.strictObject({
  trainyard: external_exports.literal(1),
  contentSha256: external_exports.string(),
  startedAt: external_exports.string()
});
async function exists(file) {
  return readFile4(file).then(() => true, () => false);
}
async function folderState(dir) {
  let registration;
  try {
    const parsed = registrationSchema.safeParse(JSON.parse(await readFile4(path9.join(dir, REGISTRATION_FILE), "utf8")));
    if (!parsed.success) return { kind: "foreign" };
    registration = parsed.data;
  } catch {
    const entries = await readdir2(dir).catch(() => ["?"]);
    return entries.every((entry) => entry.startsWith(`${REGISTRATION_FILE}.`) && entry.endsWith(".tmp")) ? { kind: "claimed" } : { kind: "foreign" };
  }
  if (await exists(path9.join(dir, COMPLETE_FILE))) return { kind: "complete" };
  if (await exists(path9.join(dir, ABANDONED_FILE))) return { kind: "abandoned" };
  return { kind: "incomplete", registration };
}
async function writeAtomic(file, text) {
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile2(temporary, text);
  await rename2(temporary, file);
}
async function copyAtomic(source, target) {
  await mkdir3(path9.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  await copyFile(source, temporary);
  await rename2(temporary, target);
}
async function writeRegistration(dir, registration) {
  await writeAtomic(path9.join(dir, REGISTRATION_FILE), `${JSON.stringify(registration, null, 2)}
`);
}

// src/registry/local/local-registry.ts
var HISTORY_FILE = "promotions.jsonl";
var SEQUENCE_DIR = "promotions";
function versionNumbers(entries) {
  return entries.flatMap((entry) => /^v[1-9][0-9]*$/.test(entry) ? [Number(entry.slice(1))] : []).sort((a, b) => a - b);
}
async function isErrno(promise, code) {
  try {
    await promise;
    return false;
  } catch (error) {
    if (error.code === code) return true;
    throw error;
  }
}
var LocalRegistry = class {
  location;
  dir;
  now;
  staleAfterMs;
  constructor(options) {
    this.dir = path10.resolve(options.dir);
    this.location = `local:${this.dir}`;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.staleAfterMs = options.staleAfterMs ?? 36e5;
  }
  modelDir(model) {
    return path10.join(this.dir, checkModelName(model));
  }
  versionDir(model, version) {
    return path10.join(this.modelDir(model), `v${version}`);
  }
  async models() {
    const entries = await readdir3(this.dir, { withFileTypes: true }).catch(() => []);
    const names = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const hasVersion = (await this.versions(entry.name).catch(() => [])).length > 0;
      if (hasVersion) names.push(entry.name);
    }
    return names.sort();
  }
  async versions(model) {
    const numbers = versionNumbers(await readdir3(this.modelDir(model)).catch(() => []));
    const found = [];
    for (const number2 of numbers) {
      const dir = this.versionDir(model, number2);
      if ((await folderState(dir)).kind !== "complete") continue;
      found.push(await this.readVersion(model, number2));
    }
    return found;
  }
  async readVersion(model, version) {
    const dir = this.versionDir(model, version);
    const card = parseCard(await readFile5(path10.join(dir, CARD_FILE), "utf8").catch(() => ""));
    if (!card || card.model !== model || card.version !== version) throw new RegistryError(this.location, `${dir}/${CARD_FILE}: not a trainyard model card of ${versionTag(model, version)}`);
    return { model, version, tag: versionTag(model, version), url: dir, card };
  }
  async version(model, ref) {
    return resolveVersion(this, model, ref);
  }
  async register(request) {
    const modelDir = this.modelDir(request.model);
    await mkdir4(modelDir, { recursive: true });
    const version = await this.resumable(request) ?? await this.allocate(request);
    const dir = this.versionDir(request.model, version.number);
    request.onProgress?.({ kind: "allocated", version: version.number, resumed: version.resumed });
    const { files } = request.content;
    for (const [index, file] of files.entries()) {
      const target = path10.join(dir, FILES_DIR, file.path);
      const already = await sha256File(target).catch(() => null);
      if (already !== file.sha256) await copyAtomic(file.source, target);
      const stored = await sha256File(target);
      if (stored !== file.sha256) throw new DigestMismatchError(this.location, `${target}: stored sha256 ${stored} differs from ${file.sha256} of ${file.source}; the version stays unpublished`);
      request.onProgress?.({ kind: "stored", path: file.path, done: index + 1, total: files.length });
    }
    await writeAtomic(path10.join(dir, CARD_FILE), renderCard(buildCard(request, version.number, version.startedAt)));
    await writeAtomic(path10.join(dir, COMPLETE_FILE), `${this.now().toISOString()}
`);
    request.onProgress?.({ kind: "published", version: version.number });
    return this.readVersion(request.model, version.number);
  }
  /**
   * An unfinished registration of the same content is resumed; an unfinished one of
   * other content older than the stale limit is abandoned (its files removed, its
   * number kept taken). A folder trainyard did not make stops everything.
   */
  async resumable(request) {
    const modelDir = this.modelDir(request.model);
    for (const number2 of versionNumbers(await readdir3(modelDir))) {
      const dir = this.versionDir(request.model, number2);
      const state = await folderState(dir);
      if (state.kind === "foreign") throw new RegistryError(this.location, `${dir}: not made by trainyard (no valid registration.json); move it away so versions of ${request.model} can be registered`);
      if (state.kind !== "incomplete") continue;
      if (state.registration.contentSha256 === request.content.contentSha256) return { number: number2, resumed: true, startedAt: state.registration.startedAt };
      const age = this.now().getTime() - Date.parse(state.registration.startedAt);
      if (age > this.staleAfterMs) {
        await rm(path10.join(dir, FILES_DIR), { recursive: true, force: true });
        await writeFile3(path10.join(dir, ABANDONED_FILE), `${this.now().toISOString()}
`);
      }
    }
    return null;
  }
  async allocate(request) {
    const modelDir = this.modelDir(request.model);
    let number2 = (versionNumbers(await readdir3(modelDir)).at(-1) ?? 0) + 1;
    while (await isErrno(mkdir4(path10.join(modelDir, `v${number2}`)), "EEXIST")) number2++;
    const startedAt = this.now().toISOString();
    await writeRegistration(this.versionDir(request.model, number2), { trainyard: 1, contentSha256: request.content.contentSha256, startedAt });
    return { number: number2, resumed: false, startedAt };
  }
  async promote(request) {
    checkEnvironmentName(request.environment);
    await this.version(request.model, { version: request.version });
    const sequences = path10.join(this.modelDir(request.model), SEQUENCE_DIR);
    await mkdir4(sequences, { recursive: true });
    const prefix = `${request.environment}#`;
    const taken = (await readdir3(sequences)).filter((entry) => entry.startsWith(prefix)).map((entry) => Number(entry.slice(prefix.length)));
    let sequence = Math.max(0, ...taken) + 1;
    while (await isErrno(mkdir4(path10.join(sequences, `${prefix}${sequence}`)), "EEXIST")) sequence++;
    const promotion = { ...request, sequence, at: this.now().toISOString() };
    await appendFile(path10.join(this.modelDir(request.model), HISTORY_FILE), `${JSON.stringify(promotion)}
`);
    return promotion;
  }
  async history(model, environment) {
    if (environment !== void 0) checkEnvironmentName(environment);
    const file = path10.join(this.modelDir(model), HISTORY_FILE);
    const text = await readFile5(file, "utf8").catch(() => "");
    const records = text.split("\n").filter((line) => line.trim()).map((line, index) => {
      let record;
      try {
        record = readPromotion(JSON.parse(line));
      } catch {
        record = null;
      }
      if (!record) throw new RegistryError(this.location, `${file}:${index + 1}: not a trainyard promotion record`);
      return record;
    });
    return sortHistory(records.filter((record) => environment === void 0 || record.environment === environment));
  }
  async download(model, version, dir, options = {}) {
    const found = await this.version(model, { version });
    const files = selectFiles(this.location, found, options.only);
    const source = this.versionDir(model, version);
    return downloadInto(dir, async (staging) => {
      for (const file of files) {
        const target = path10.join(staging, file.path);
        const stored = path10.join(source, FILES_DIR, file.path);
        await copyAtomic(stored, target).catch((error) => {
          if (error.code !== "ENOENT") throw error;
          throw new RegistryError(this.location, `${versionTag(model, version)}: missing file ${stored}; nothing was downloaded`);
        });
        const digest = await sha256File(target);
        if (digest !== file.sha256) throw new DigestMismatchError(this.location, `${versionTag(model, version)} ${file.path}: sha256 ${digest} differs from the registered ${file.sha256}; nothing was downloaded`);
      }
      if (!options.only) await writeFile3(path10.join(staging, "model-card.md"), renderCard(found.card));
      return { version: found, dir, files };
    });
  }
};

// src/registry/spec.ts
import path11 from "node:path";
var DEFAULT_LOCAL_REGISTRY = ".trainyard/registry";
function parseRegistrySpec(text, root, source = "--registry") {
  if (!REGISTRY_SPEC.test(text)) throw new UsageError(`${source} "${text}" is not a registry; expected local:<dir> or github:<owner>/<repo>`);
  if (text.startsWith("local:")) return { kind: "local", dir: path11.resolve(root, text.slice("local:".length)) };
  const [owner, repo] = text.slice("github:".length).split("/");
  return { kind: "github", owner, repo };
}

// node_modules/@octokit/rest/dist-src/version.js
var VERSION2 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION2}`
  }
);

// src/cli/github-client.ts
var DEFAULT_API_URL = "https://api.github.com";
function octokitFor(io, token) {
  const quiet = () => {
  };
  const log = { debug: quiet, info: quiet, warn: (message) => io.stderr(`trainyard: GitHub: ${message}
`), error: quiet };
  return new Octokit2({ ...token ? { auth: token } : {}, baseUrl: io.env.GITHUB_API_URL || DEFAULT_API_URL, userAgent: "trainyard", log });
}

// src/cli/registry-edge.ts
import path12 from "node:path";
import { stat as stat3 } from "node:fs/promises";
function githubClient(io, need = "a github: registry needs a token with contents: write") {
  const token = io.env.GITHUB_TOKEN;
  if (!token) throw new UsageError(`GITHUB_TOKEN is not set; ${need}`);
  return octokitFor(io, token);
}
async function maybeConfig(io, configOption) {
  const given = configOption ?? DEFAULT_CONFIG_PATH;
  const file = path12.resolve(io.cwd, given);
  if (!configOption && !await stat3(file).catch(() => null)) return null;
  return loadConfig(file, given);
}
async function openRegistry(io, options) {
  const loaded = await maybeConfig(io, options.config);
  const root = loaded?.root ?? io.cwd;
  const text = options.registry ?? loaded?.config.registry ?? `local:${DEFAULT_LOCAL_REGISTRY}`;
  const spec = parseRegistrySpec(text, options.registry ? io.cwd : root, options.registry ? "--registry" : "registry");
  if (spec.kind === "local") return { registry: new LocalRegistry({ dir: spec.dir, now: io.now }), spec, loaded, github: null };
  const octokit = githubClient(io);
  const registry = new GitHubReleasesRegistry({ octokit, owner: spec.owner, repo: spec.repo, now: io.now });
  return { registry, spec, loaded, github: { octokit, owner: spec.owner, repo: spec.repo, location: registry.location } };
}
function runUrlFrom(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run2 } = env;
  return server && repo && run2 ? `${server}/${repo}/actions/runs/${run2}` : null;
}

// src/cli/deployment-edge.ts
function checkUrl(option, value2) {
  const url = URL.canParse(value2) ? new URL(value2) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new UsageError(`${option} "${value2}" is not a URL; expected http(s)://\u2026`);
  return value2;
}
function deploymentTarget(io, options, environment, opened) {
  if (!options.deploymentStatus) {
    const stray = options.environmentUrl !== void 0 ? "--environment-url" : options.logUrl !== void 0 ? "--log-url" : null;
    if (stray) throw new UsageError(`${stray} is set on the deployment status; it needs --deployment-status <sha>`);
    return null;
  }
  const sha = options.deploymentStatus.toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new UsageError(`--deployment-status "${options.deploymentStatus}" is not a commit SHA; expected 40 hex digits (GITHUB_SHA)`);
  const environmentUrl = options.environmentUrl ? checkUrl("--environment-url", options.environmentUrl) : null;
  const logUrl = options.logUrl ? checkUrl("--log-url", options.logUrl) : runUrlFrom(io.env);
  const fromEnv = io.env.GITHUB_REPOSITORY;
  let owner;
  let repo;
  if (fromEnv) {
    const parts = /^([^/\s]+)\/([^/\s]+)$/.exec(fromEnv);
    if (!parts) throw new UsageError(`GITHUB_REPOSITORY "${fromEnv}" is not <owner>/<repo>`);
    [owner, repo] = [parts[1], parts[2]];
  } else if (opened.github) {
    ({ owner, repo } = opened.github);
  } else {
    throw new UsageError("--deployment-status needs the repository of the deployment: set GITHUB_REPOSITORY=<owner>/<repo> or use a github: registry");
  }
  const octokit = opened.github?.octokit ?? githubClient(io, "--deployment-status needs a token with deployments: write");
  return { context: { octokit, owner, repo, location: `github:${owner}/${repo}` }, sha, environment, environmentUrl, logUrl };
}

// src/cli/commands/deploy.ts
function registerDeploy(program2, io, setExit) {
  program2.command("deploy").description("Deploy a model version: download it, run models.<m>.deploy.command with MODEL_DIR and MODEL_VERSION, then record the promotion.").requiredOption("-m, --model <name>", "the model").option("-v, --version <n|candidate>", "a version number, or candidate for the newest version", "candidate").requiredOption("-e, --environment <name>", "the environment deployed to").option("-r, --registry <spec>", "local:<dir> or github:<owner>/<repo> (default: the config's registry, else local:.trainyard/registry)").option("-c, --config <file>", "the trainyard config (default: .github/trainyard.yml when it exists)").option("-o, --out <dir>", "where the version is downloaded (default: <project>/.trainyard/deploy/<model>-<environment>-<time>)").option("--approver <login>", "who approved (repeatable)", (value2, previous) => [...previous, value2], []).option("--reason <text>", "why, for the promotion record", "deployed").option("--gate <summary>", "the promotion gate's summary for the record", "approved by the environment's protection rules").option("--require-check <sha>", 'first verify that the check "trainyard / promotion" on this commit succeeded (github: registries)').option("--deployment-status <sha>", "set the newest GitHub deployment of this commit to the environment in_progress, then success or failure (in GITHUB_REPOSITORY, else the github: registry's repository)").option("--environment-url <url>", "the deployed service's URL, set on the deployment status").option("--log-url <url>", "the deploy's log, set on the deployment status (default: this workflow run)").option("--dry-run", "say what would be done and change nothing").action(async (options) => {
    const name = checkModelName(options.model);
    const version = options.version === "candidate" ? "candidate" : parseVersionNumber(options.version);
    const opened = await openRegistry(io, options);
    const model = opened.loaded?.config.models[name];
    if (opened.loaded && !model) throw new UsageError(`unknown model "${name}"; the config has: ${Object.keys(opened.loaded.config.models).join(", ")}`);
    if (options.requireCheck && !opened.github) throw new UsageError("--require-check needs a github: registry");
    const target = deploymentTarget(io, options, options.environment, opened);
    const root = opened.loaded?.root ?? io.cwd;
    const modelDir = options.out ? path13.resolve(io.cwd, options.out) : path13.join(root, ".trainyard", "deploy", `${name}-${options.environment}-${runId(io.now())}`);
    const deploy = async () => {
      if (options.requireCheck && opened.github) await requirePromotionCheck(opened.github, options.requireCheck);
      return deployVersion({
        registry: opened.registry,
        name,
        model: model ?? {},
        version,
        environment: options.environment,
        root,
        modelDir,
        dryRun: options.dryRun ?? false,
        approvers: options.approver,
        gate: { passed: true, summary: options.gate },
        reason: options.reason,
        runUrl: runUrlFrom(io.env),
        actor: io.env.GITHUB_ACTOR ?? null,
        env: io.env,
        echo: io.stderr
      });
    };
    const described = {
      started: `trainyard deploy: deploying ${name}`,
      succeeded: (done) => `trainyard deploy: ${name} v${done.version.version} deployed`
    };
    const note = (line) => io.stderr(`trainyard: ${line}
`);
    const report = target && !options.dryRun ? await withDeploymentStatus(target, deploy, described, note) : { result: await deploy(), deploymentId: null };
    const { result: outcome } = report;
    const prefix = options.dryRun ? "[dry-run] would " : "";
    for (const step2 of outcome.steps) io.stdout(`${prefix}${step2}
`);
    if (outcome.promotion) io.stdout(`deployed ${name} v${outcome.version.version} to ${options.environment} (${name}#${options.environment}#${outcome.promotion.sequence})
`);
    if (target) {
      const where2 = `${target.sha} to ${options.environment} in ${target.context.owner}/${target.context.repo}`;
      if (options.dryRun) io.stdout(`${prefix}set the status of the newest deployment of ${where2}
`);
      else if (report.deploymentId === null) io.stdout(`no GitHub deployment of ${where2}; no deployment status set
`);
      else io.stdout(`deployment ${report.deploymentId} of ${where2}: success
`);
    }
    setExit(0);
  });
}

// src/cli/commands/init.ts
import path16 from "node:path";

// src/init/choices.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/init/discover.ts
var DATA_EXTENSIONS = /\.(csv|tsv|parquet|jsonl|ndjson)$/i;
var JSON_DATA = /\.json$/i;
var DATA_FOLDER = /(^|\/)(data|datasets?)\//i;
var TRAIN = /(^|[^a-z])train(ing)?([^a-z]|$)/i;
var PRODUCTION = /(^|[^a-z])(prod|production|serving|live|current|recent|scoring)([^a-z]|$)/i;
var TEST_SPLIT = /(^|[^a-z])(test|valid|validation|eval|holdout)([^a-z]|$)/i;
var SCRIPT_NAMES = ["train.py", "train.mjs", "train.js", "train.ts", "train.sh", "main.py"];
var SCRIPT_FOLDERS = ["", "scripts/", "src/", "training/"];
function isData(file) {
  return DATA_EXTENSIONS.test(file.path) || JSON_DATA.test(file.path) && DATA_FOLDER.test(file.path);
}
function basename(file) {
  return file.split("/").at(-1);
}
function dirname(file) {
  const parts = file.split("/");
  return parts.slice(0, -1).join("/");
}
function pickTrain(files) {
  const named = files.filter((file) => TRAIN.test(basename(file.path)));
  const pool = named.length > 0 ? named : files.filter((file) => !PRODUCTION.test(basename(file.path)) && !TEST_SPLIT.test(basename(file.path)));
  return [...pool].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))[0]?.path;
}
function pickProduction(files, train) {
  return files.filter((file) => file.path !== train && PRODUCTION.test(basename(file.path))).sort((a, b) => a.path.localeCompare(b.path))[0]?.path;
}
function rankScripts(paths) {
  const found = [];
  for (const folder of SCRIPT_FOLDERS) for (const name of SCRIPT_NAMES) if (paths.has(folder + name)) found.push(folder + name);
  return found;
}
function schemaCandidates(paths, train) {
  const folders = train === void 0 ? [""] : [dirname(train), ""];
  const candidates = [];
  for (const folder of folders) {
    for (const file of paths) {
      if (dirname(file) === folder && /^(schema|.+\.schema)\.ya?ml$/i.test(basename(file)) && !candidates.includes(file)) candidates.push(file);
    }
  }
  return candidates;
}
function modelNameFrom(folder) {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 63).replace(/-+$/, "");
  return MODEL_NAME.test(name) ? name : "model";
}
function discover(input) {
  const data = input.files.filter(isData);
  const train = pickTrain(data);
  const production = pickProduction(data, train);
  const dataFiles = [...data.map((file) => file.path)].sort((a, b) => Number(b === train) - Number(a === train) || a.localeCompare(b));
  const paths = input.files.map((file) => file.path);
  return {
    dataFiles,
    train,
    production,
    scripts: rankScripts(new Set(paths)),
    schemaCandidates: schemaCandidates(paths, train),
    defaultBranch: input.defaultBranch,
    suggestedModel: modelNameFrom(input.folderName)
  };
}
function commandFor(script) {
  const quoted = /^[\w./-]+$/.test(script) ? script : `"${script.replace(/(["\\$`])/g, "\\$1")}"`;
  if (script.endsWith(".py")) return `python ${quoted}`;
  if (script.endsWith(".ts")) return `npx tsx ${quoted}`;
  if (script.endsWith(".sh")) return `bash ${quoted}`;
  return `node ${quoted}`;
}

// src/init/choices.ts
var TASKS2 = ["binary", "multiclass", "regression"];
function isDataSchema(text) {
  try {
    const value2 = (0, import_yaml3.parse)(text);
    return typeof value2?.columns === "object" && value2.columns !== null && !Array.isArray(value2.columns);
  } catch {
    return false;
  }
}
function checkModel(name) {
  if (!MODEL_NAME.test(name)) throw new UsageError(`model name "${name}" is invalid; expected lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 63 characters`);
  return name;
}
function checkTask(task) {
  if (!TASKS2.includes(task)) throw new UsageError(`task "${task}" is invalid; expected one of ${TASKS2.join(", ")}`);
  return task;
}
async function resolveChoices(input) {
  const { discovery, flags } = input;
  const ask = input.ask ?? (async (_question, fallback) => fallback);
  const model = checkModel(flags.model ?? await ask("Model name", discovery.suggestedModel));
  const task = checkTask(flags.task ?? await ask(`Task (${TASKS2.join(", ")})`, "binary"));
  const train = flags.data ?? discovery.train ?? (input.ask ? await ask("Training data (a file, directory or glob)", "") : void 0);
  if (!train) throw new UsageError("no training data found (CSV, TSV, Parquet, JSON Lines); pass --data <file|dir|glob>");
  const script = discovery.scripts[0];
  const command = flags.command ?? await ask("Training command", script ? commandFor(script) : "");
  if (!command.trim()) throw new UsageError('no training script found (train.py, train.mjs, train.js, train.sh, ...); pass --command "<command>"');
  const schema = discovery.schemaCandidates.find((file) => isDataSchema(input.schemaTexts[file] ?? ""));
  return {
    model,
    task,
    command,
    train,
    production: discovery.production,
    schema,
    runsOn: ["self-hosted", "gpu"],
    environment: "production",
    defaultBranch: discovery.defaultBranch,
    driftSchedule: "0 6 * * 1"
  };
}

// src/workflows/refs.ts
var TRAINYARD_REPOSITORY = "trainyard/trainyard";
var RELEASE_REF = "v1";
function reusableWorkflowRef(file) {
  return `${TRAINYARD_REPOSITORY}/.github/workflows/${file}@${RELEASE_REF}`;
}
var CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/${TRAINYARD_REPOSITORY}/${RELEASE_REF}/schema/trainyard.schema.json`;

// src/init/render-callers.ts
var q = (value2) => JSON.stringify(value2);
var labels = (runsOn) => `'${JSON.stringify(runsOn).replace(/'/g, "''")}'`;
function caller(file, lines) {
  return { path: `.github/workflows/${file}`, content: [`# Written by \`trainyard init\`; calls ${reusableWorkflowRef(file)}.`, ...lines, ""].join("\n") };
}
function pullRequest(choices) {
  return caller("trainyard-pr.yml", [
    "name: trainyard pr",
    "on:",
    "  pull_request:",
    "    # labeled: a maintainer's trainyard:safe-to-train label lets a fork's pull request train.",
    "    types: [opened, synchronize, reopened, labeled]",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  pipeline:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-pr.yml")}`,
    "    permissions:",
    "      contents: read",
    "    with:",
    `      model: ${q(choices.model)}`,
    `      runner-labels: ${labels(choices.runsOn)}`
  ]);
}
function release(choices) {
  return caller("trainyard-release.yml", [
    "name: trainyard release",
    "on:",
    "  push:",
    `    branches: [${q(choices.defaultBranch)}]`,
    "  workflow_dispatch:",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  release:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-release.yml")}`,
    "    permissions:",
    "      contents: write",
    "      deployments: write",
    "      checks: read",
    "    with:",
    `      model: ${q(choices.model)}`,
    `      environment: ${q(choices.environment)}`,
    `      runner-labels: ${labels(choices.runsOn)}`
  ]);
}
function retrain(choices) {
  return caller("trainyard-retrain.yml", [
    "name: trainyard retrain",
    "on:",
    "  # Dispatched by the trainyard App (drift, `/trainyard retrain`) or from the Actions tab.",
    "  workflow_dispatch:",
    "    inputs:",
    "      model:",
    "        description: The model to retrain",
    "        type: choice",
    `        options: [${q(choices.model)}]`,
    "        required: true",
    "      reason:",
    "        description: Why it is retrained",
    "        type: string",
    "        default: manual",
    "      data-snapshot:",
    "        description: The data snapshot to train on (empty means as committed)",
    "        type: string",
    '        default: ""',
    "permissions:",
    "  contents: read",
    "jobs:",
    "  retrain:",
    "    name: ${{ inputs.model }}",
    `    uses: ${reusableWorkflowRef("trainyard-retrain.yml")}`,
    "    permissions:",
    "      contents: read",
    "    with:",
    "      model: ${{ inputs.model }}",
    "      reason: ${{ inputs.reason }}",
    "      data-snapshot: ${{ inputs.data-snapshot }}",
    `      runner-labels: ${labels(choices.runsOn)}`
  ]);
}
function drift(choices) {
  return caller("trainyard-drift.yml", [
    "name: trainyard drift",
    "on:",
    "  schedule:",
    `    - cron: ${q(choices.driftSchedule)}`,
    "  workflow_dispatch:",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  drift:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-drift.yml")}`,
    "    permissions:",
    "      contents: read",
    "    with:",
    `      model: ${q(choices.model)}`,
    `      environment: ${q(choices.environment)}`
  ]);
}
function renderCallers(choices) {
  return [pullRequest(choices), release(choices), retrain(choices), ...choices.production ? [drift(choices)] : []];
}

// src/init/render-config.ts
var q2 = (value2) => JSON.stringify(value2);
var POLICY_EXAMPLE = {
  binary: "roc_auc: { greater_is_better: true, threshold: 0.7, min_absolute_change: 0.002 }",
  multiclass: "accuracy: { greater_is_better: true, threshold: 0.7 }",
  regression: "rmse: { greater_is_better: false, min_relative_change: 0.01 }"
};
function renderConfig(choices) {
  const data = [`      train: ${q2(choices.train)}`];
  if (choices.production) data.push(`      production: ${q2(choices.production)}`);
  if (choices.schema) data.push(`      schema: ${q2(choices.schema)}`);
  const drift2 = choices.production ? ["    drift:", `      current: ${q2(choices.production)}`, `      schedule: ${q2(choices.driftSchedule)}`] : [];
  return [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    "# trainyard configuration, written by `trainyard init`. Paths are relative to the",
    "# repository root. `trainyard config check` validates this file.",
    "version: 1",
    "models:",
    `  ${choices.model}:`,
    `    task: ${choices.task}`,
    "    data:",
    ...data,
    "    training:",
    `      command: ${q2(choices.command)}`,
    `      runs_on: [${choices.runsOn.map(q2).join(", ")}]`,
    "    metrics:",
    "      # Files the training command writes into $TRAINYARD_OUTPUT_DIR.",
    "      file: metrics.json",
    "      predictions: predictions.csv",
    "      # Gates a candidate must pass, per metric name in metrics.json, for example",
    `      #   ${POLICY_EXAMPLE[choices.task]}`,
    "      policy: {}",
    "    promotion:",
    `      environment: ${q2(choices.environment)}`,
    "      required_approvals: 1",
    ...drift2,
    ""
  ].join("\n");
}

// src/init/plan.ts
var CONFIG_FILE = ".github/trainyard.yml";
function nextSteps(choices) {
  const steps = [
    "Install the trainyard GitHub App on this repository (docs/app.md).",
    `Create the environment "${choices.environment}" (Settings > Environments) and enable the trainyard deployment protection rule (docs/app.md).`,
    `Add a self-hosted runner with the labels ${choices.runsOn.join(", ")} (runner-images/README.md).`,
    `Create the label "trainyard:safe-to-train"; a maintainer applies it to let a fork's pull request train (docs/security.md).`,
    `Add metric gates under models.${choices.model}.metrics.policy in ${CONFIG_FILE}, then run \`trainyard config check\`.`
  ];
  if (!choices.schema) steps.push(`Add a data schema and point models.${choices.model}.data.schema at it, so pull requests validate the data.`);
  if (!choices.production) steps.push(`Add production data as models.${choices.model}.data.production to monitor drift (trainyard-drift.yml was not written).`);
  steps.push("Commit the files and open a pull request.");
  return steps;
}
function planInit(found, inferredSchema) {
  const choices = inferredSchema && !found.schema ? { ...found, schema: inferredSchema.path } : found;
  const config = renderConfig(choices);
  parseConfig(config, CONFIG_FILE);
  const schemaFiles = inferredSchema && !found.schema ? [inferredSchema] : [];
  return { choices, files: [{ path: CONFIG_FILE, content: config }, ...schemaFiles, ...renderCallers(choices)], nextSteps: nextSteps(choices) };
}

// src/init/scan.ts
import { readdir as readdir4, readFile as readFile6, stat as stat4 } from "node:fs/promises";
import path14 from "node:path";
var SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules", ".venv", "venv", "env", "__pycache__", ".trainyard", "out", "dist", "build", "target", "coverage", ".mypy_cache", ".pytest_cache", ".ipynb_checkpoints", "wandb", "mlruns"]);
var MAX_FILES = 2e4;
var MAX_DEPTH = 6;
async function listRepoFiles(root) {
  const files = [];
  async function walk2(dir, depth) {
    const entries = await readdir4(path14.join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= MAX_FILES) return;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && depth < MAX_DEPTH) await walk2(relative, depth + 1);
      } else if (entry.isFile()) {
        files.push({ path: relative, size: (await stat4(path14.join(root, relative))).size });
      }
    }
  }
  await walk2("", 0);
  return files;
}
async function currentBranch(root) {
  const head = await readFile6(path14.join(root, ".git", "HEAD"), "utf8").catch(() => "");
  return /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() || "main";
}

// src/cli/commands/init.ts
import { readFile as readFile7 } from "node:fs/promises";

// src/validate/column-sql.ts
function typedSql(raw, type) {
  switch (type) {
    case "string":
      return raw;
    case "integer":
      return `CASE WHEN TRY_CAST(${raw} AS BIGINT)::VARCHAR = ${raw} OR regexp_full_match(${raw}, '\\s*[+-]?[0-9]+\\s*') THEN TRY_CAST(${raw} AS BIGINT) END`;
    case "number":
      return `TRY_CAST(${raw} AS DOUBLE)`;
    case "boolean":
      return `TRY_CAST(${raw} AS BOOLEAN)`;
    case "date":
      return `CASE WHEN length(trim(${raw})) <= 10 THEN TRY_CAST(${raw} AS DATE) END`;
    case "timestamp":
      return `TRY_CAST(${raw} AS TIMESTAMP)`;
  }
}
function literalSql(type, value2) {
  switch (type) {
    case "integer":
    case "boolean":
      return String(value2);
    case "number":
      return `${String(value2)}::DOUBLE`;
    case "string":
      return quoteLiteral(String(value2));
    case "date":
      return `DATE ${quoteLiteral(String(value2))}`;
    case "timestamp":
      return `TIMESTAMP ${quoteLiteral(String(value2))}`;
  }
}
function integerRange(values) {
  if (!values.every((value2) => typeof value2 === "number" && Number.isSafeInteger(value2))) return void 0;
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const [lo, hi] = [distinct[0], distinct.at(-1)];
  return hi - lo + 1 === distinct.length ? [lo, hi] : void 0;
}
var TYPE_WORDS = {
  string: "text",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  date: "a date (YYYY-MM-DD)",
  timestamp: "a timestamp (YYYY-MM-DD hh:mm:ss)"
};
function valueChecks(rule, raw, typed) {
  const checks2 = [];
  const show = (value2) => typeof value2 === "string" ? JSON.stringify(value2) : String(value2);
  if (rule.type !== "string") checks2.push({ check: "type", failing: `${raw} IS NOT NULL AND ${typed} IS NULL`, expected: TYPE_WORDS[rule.type] });
  if (rule.min !== void 0) checks2.push({ check: "min", failing: `${typed} < ${literalSql(rule.type, rule.min)}`, expected: `>= ${show(rule.min)}` });
  if (rule.max !== void 0) checks2.push({ check: "max", failing: `${typed} > ${literalSql(rule.type, rule.max)}`, expected: `<= ${show(rule.max)}` });
  if (rule.in !== void 0) {
    const list = rule.in.map((value2) => literalSql(rule.type, value2)).join(", ");
    const range = rule.type === "integer" ? integerRange(rule.in) : void 0;
    const failing = range ? `${typed} NOT BETWEEN ${range[0]} AND ${range[1]}` : `${typed} NOT IN (${list})`;
    checks2.push({ check: "in", failing, expected: `one of ${rule.in.map(show).join(", ")}` });
  }
  if (rule.pattern !== void 0) {
    checks2.push({ check: "pattern", failing: `NOT regexp_matches(${raw}::VARCHAR, ${quoteLiteral(rule.pattern)})`, expected: `matches /${rule.pattern}/` });
  }
  return checks2;
}

// src/validate/infer.ts
var CANDIDATES = ["integer", "number", "boolean", "date", "timestamp"];
var MAX_DOMAIN = 100;
var VIEW = "trainyard_infer";
async function inferSchema(engine, source) {
  await engine.register(VIEW, source, { allVarchar: true });
  const names = (await engine.columns(VIEW)).map((column) => column.name);
  const parses = names.flatMap((name, i) => {
    const raw = quoteIdentifier(name);
    return [`count(${raw}) AS p${i}`, ...CANDIDATES.map((type, j) => `count(${typedSql(raw, type)}) AS c${i}_${j}`)];
  });
  const [counts] = await engine.query(`SELECT count(*) AS n, ${parses.join(", ")} FROM ${quoteIdentifier(VIEW)}`, source);
  const rows = Number(counts?.n ?? 0);
  const types = names.map((_, i) => {
    const present = Number(counts?.[`p${i}`] ?? 0);
    const j = CANDIDATES.findIndex((__, k) => present > 0 && Number(counts?.[`c${i}_${k}`]) === present);
    return { present, type: j >= 0 ? CANDIDATES[j] : "string" };
  });
  const facts = names.flatMap((name, i) => {
    const typed = typedSql(quoteIdentifier(name), types[i].type);
    const domain = `CASE WHEN count(DISTINCT ${typed}) <= ${MAX_DOMAIN} THEN list(DISTINCT ${typed} ORDER BY ${typed}) FILTER (WHERE ${typed} IS NOT NULL) END`;
    return [`min(${typed})::VARCHAR AS lo${i}`, `max(${typed})::VARCHAR AS hi${i}`, `count(DISTINCT ${typed}) AS d${i}`, `${types[i].type === "string" ? domain : "NULL"} AS v${i}`];
  });
  const [stats] = names.length === 0 ? [{}] : await engine.query(`SELECT ${facts.join(", ")} FROM ${quoteIdentifier(VIEW)}`, source);
  const columns = {};
  names.forEach((name, i) => {
    columns[name] = ruleOf(types[i].type, { rows, present: types[i].present, stats: stats ?? {}, i });
  });
  return { rows, columns };
}
function ruleOf(type, facts) {
  const { rows, present, stats, i } = facts;
  const rule = { type };
  if (present < rows) rule.nullable = true;
  const lo = stats[`lo${i}`];
  const hi = stats[`hi${i}`];
  if (lo !== null && lo !== void 0 && hi !== null && hi !== void 0 && type !== "string" && type !== "boolean") {
    rule.min = type === "integer" || type === "number" ? Number(lo) : String(lo);
    rule.max = type === "integer" || type === "number" ? Number(hi) : String(hi);
  }
  const distinct = Number(stats[`d${i}`] ?? 0);
  const domain = stats[`v${i}`];
  if (type === "string" && Array.isArray(domain) && domain.length > 0 && distinct * 2 <= present) rule.in = domain.map(String);
  if ((type === "integer" || type === "string") && present > 1 && distinct === present) rule.unique = true;
  return rule;
}

// src/validate/infer-yaml.ts
var import_yaml4 = __toESM(require_dist(), 1);
function renderSchemaYaml(schema, data) {
  const document = new import_yaml4.Document({ columns: schema.columns });
  const columns = document.get("columns");
  if ((0, import_yaml4.isMap)(columns)) {
    for (const item of columns.items) {
      if (!(0, import_yaml4.isMap)(item.value)) continue;
      item.value.flow = true;
      for (const rule of item.value.items) {
        if ((0, import_yaml4.isScalar)(rule.key) && rule.key.value === "type") continue;
        const values = (0, import_yaml4.isSeq)(rule.value) ? rule.value.items : [rule.value];
        for (const value2 of values) if ((0, import_yaml4.isScalar)(value2) && typeof value2.value === "string") value2.type = "QUOTE_DOUBLE";
      }
    }
  }
  const header = [
    `# Data schema inferred by trainyard from ${data} (${schema.rows} rows).`,
    "# min and max are the observed values: widen them where new data may go further.",
    "# Rules: docs/validation.md. Check data with: trainyard validate --data <file> --schema <this file>"
  ];
  return `${header.join("\n")}
${document.toString({ lineWidth: 0, flowCollectionPadding: true })}`;
}

// src/util/write-files.ts
import { mkdir as mkdir5, rename as rename3, rm as rm2, stat as stat5, writeFile as writeFile4 } from "node:fs/promises";
import path15 from "node:path";
async function exists2(file) {
  return stat5(file).then(() => true, () => false);
}
async function existingFiles(root, files) {
  const found = [];
  for (const file of files) if (await exists2(path15.join(root, file.path))) found.push(file.path);
  return found;
}
async function writeAllOrNothing(root, files, options) {
  const existing = await existingFiles(root, files);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(`${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; nothing was written (use --force to replace)`);
  }
  const temporaries = [];
  try {
    for (const file of files) {
      const target = path15.join(root, file.path);
      const temporary = path15.join(path15.dirname(target), `.${path15.basename(target)}.trainyard-${process.pid}.tmp`);
      await mkdir5(path15.dirname(target), { recursive: true });
      temporaries.push([temporary, target]);
      await writeFile4(temporary, file.content, { flag: "wx" });
    }
  } catch (error) {
    await Promise.all(temporaries.map(([temporary]) => rm2(temporary, { force: true })));
    throw error;
  }
  for (const [temporary, target] of temporaries) await rename3(temporary, target);
}

// src/cli/commands/init.ts
async function inferSchemaFile(root, data, existing) {
  const train = data[0];
  const folder = path16.posix.dirname(train);
  const name = existing.includes(path16.posix.join(folder, "schema.yml")) ? "trainyard.schema.yml" : "schema.yml";
  const engine = await DataEngine.open();
  try {
    const source = await resolveSource(data, root);
    return { path: path16.posix.join(folder, name), content: renderSchemaYaml(await inferSchema(engine, source), source.display) };
  } finally {
    engine.close();
  }
}
function registerInit(program2, io, setExit) {
  program2.command("init").description("Set up trainyard in this repository: find the data and training script, write .github/trainyard.yml and the caller workflows.").option("-m, --model <name>", "the model name (default: from the folder name)").option("--task <task>", "binary, multiclass or regression (default: binary)").option("--command <command>", "the training command (default: from the training script found)").option("--data <path>", "the training data (default: the data file found)").option("-y, --yes", "accept what was found without asking").option("--force", "replace files that already exist").action(async (options) => {
    const root = io.cwd;
    const repoFiles = await listRepoFiles(root);
    const discovery = discover({ files: repoFiles, folderName: path16.basename(root), defaultBranch: await currentBranch(root) });
    const schemaTexts = Object.fromEntries(await Promise.all(discovery.schemaCandidates.map(async (file) => [file, await readFile7(path16.join(root, file), "utf8")])));
    const { model, task, command, data } = options;
    const flags = { ...model ? { model } : {}, ...task ? { task } : {}, ...command ? { command } : {}, ...data ? { data } : {} };
    const choices = await resolveChoices({ discovery, flags, schemaTexts, ask: options.yes ? void 0 : io.ask });
    const plan = planInit(choices, choices.schema ? void 0 : await inferSchemaFile(root, choices.production ? [choices.train, choices.production] : [choices.train], repoFiles.map((file) => file.path)));
    await writeAllOrNothing(root, plan.files, { force: options.force === true });
    io.stdout(`trainyard: set up model "${choices.model}" (${choices.task}), training with \`${choices.command}\` on ${choices.train}
`);
    for (const file of plan.files) io.stdout(`  wrote ${file.path}
`);
    io.stdout("\nNext steps:\n");
    plan.nextSteps.forEach((step2, index) => io.stdout(`  ${index + 1}. ${step2}
`));
    setExit(0);
  });
}

// src/cli/commands/registry.ts
import path19 from "node:path";

// src/registry/content.ts
import { readdir as readdir6, readFile as readFile8, stat as stat6 } from "node:fs/promises";
import path18 from "node:path";

// src/train/artifacts.ts
import { open, readdir as readdir5 } from "node:fs/promises";
import path17 from "node:path";
var MODEL_DIR = "model";
var LINEAGE_FILE = "lineage.json";
var PREDICTION_COLUMNS = ["id", "label", "score"];
async function firstLine(file) {
  const handle = await open(file, "r").catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").split(/\r?\n/)[0] ?? "";
  } finally {
    await handle.close();
  }
}
async function readTrainingArtifacts(outputDir, files) {
  const modelDir = path17.join(outputDir, MODEL_DIR);
  const modelFiles = await readdir5(modelDir).catch(() => []);
  if (modelFiles.length === 0) {
    throw new DataError(`${modelDir}: the trainer wrote no model files; expected at least one file in ${MODEL_DIR}/ under TRAINYARD_OUTPUT_DIR`);
  }
  const metrics = await readMetricsFile(path17.join(outputDir, files.metrics));
  const predictionsFile = path17.join(outputDir, files.predictions);
  const header = await firstLine(predictionsFile);
  if (header === null) {
    throw new DataError(`${predictionsFile}: the trainer wrote no predictions; expected a CSV with columns ${PREDICTION_COLUMNS.join(",")}`);
  }
  const columns = header.split(",").map((column) => column.trim().replace(/^"|"$/g, ""));
  const missing = PREDICTION_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DataError(`${predictionsFile}: missing column(s) ${missing.join(", ")}; expected a header with ${PREDICTION_COLUMNS.join(",")}`);
  }
  return { outputDir, modelFiles: modelFiles.sort(), metrics, predictionsFile };
}

// src/registry/lineage-summary.ts
function isObject(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
}
function summarizeLineage(document, file) {
  if (!isObject(document) || typeof document.command !== "string" || !Array.isArray(document.data)) {
    throw new DataError(`${file}: not a trainyard lineage file; expected an object with "command" and "data" (written by trainyard train)`);
  }
  const lineage2 = document;
  return {
    commit: lineage2.commit ?? null,
    command: lineage2.command,
    seed: lineage2.seed,
    params: lineage2.params ?? {},
    data: lineage2.data.map(({ path: path40, bytes, sha256 }) => ({ path: path40, bytes, sha256 })),
    durationSeconds: lineage2.durationSeconds,
    runner: lineage2.runner?.name ?? null
  };
}

// src/registry/profile-summary.ts
function isObject2(value2) {
  return value2 !== null && typeof value2 === "object" && !Array.isArray(value2);
}
function firstNumber(node, keys) {
  for (const key of keys) {
    const value2 = node[key];
    if (typeof value2 === "number" && Number.isFinite(value2)) return value2;
  }
  return null;
}
function firstString(node, keys) {
  for (const key of keys) if (typeof node[key] === "string") return node[key];
  return null;
}
function summarizeProfile(document) {
  if (!isObject2(document)) return { rows: null, columns: [] };
  const raw = document.columns;
  const entries = Array.isArray(raw) ? raw.filter(isObject2).map((column) => [String(column.name ?? column.column ?? ""), column]) : isObject2(raw) ? Object.entries(raw).map(([name, column]) => [name, isObject2(column) ? column : {}]) : [];
  return {
    rows: firstNumber(document, ["rows", "row_count", "count"]),
    columns: entries.filter(([name]) => name.length > 0).map(([name, column]) => ({ name, type: firstString(column, ["type", "dtype", "kind"]), nulls: firstNumber(column, ["nulls", "null_count", "missing"]) }))
  };
}

// src/registry/content.ts
var PROFILE_FILE = "profile.json";
async function filesUnder(dir) {
  const entries = await readdir6(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path18.relative(dir, path18.join(entry.parentPath, entry.name)).split(path18.sep).join("/")).sort();
}
async function describe(source, versionPath, role) {
  const info = await stat6(source).catch(() => null);
  if (!info?.isFile()) throw new DataError(`${source}: missing ${role} file; expected it in the training output folder`);
  return { path: versionPath, role, source, bytes: info.size, sha256: await sha256File(source) };
}
function contentDigest(files) {
  const lines = files.map((file) => `${file.path}\0${file.sha256}
`).sort();
  return sha256Text(lines.join(""));
}
async function readJson2(file) {
  try {
    return JSON.parse(await readFile8(file, "utf8"));
  } catch (error) {
    throw new DataError(`${file}: cannot read it as JSON (${error.message.split("\n")[0]})`);
  }
}
async function collectVersionContent(layout) {
  const { outputDir } = layout;
  const modelDir = path18.join(outputDir, MODEL_DIR);
  const modelFiles = await filesUnder(modelDir).catch(() => []);
  if (modelFiles.length === 0) throw new DataError(`${modelDir}: missing model files; expected at least one file in ${MODEL_DIR}/`);
  const files = [];
  for (const file of modelFiles) files.push(await describe(path18.join(modelDir, file), `${MODEL_DIR}/${file}`, "model"));
  const metricsSource = path18.join(outputDir, layout.metricsFile);
  const predictionsSource = path18.join(outputDir, layout.predictionsFile);
  files.push(await describe(metricsSource, "metrics.json", "metrics"));
  files.push(await describe(predictionsSource, `predictions${path18.extname(layout.predictionsFile) || ".csv"}`, "predictions"));
  const lineageSource = path18.join(outputDir, LINEAGE_FILE);
  files.push(await describe(lineageSource, LINEAGE_FILE, "lineage"));
  const profileSource = path18.join(outputDir, PROFILE_FILE);
  const hasProfile = (await stat6(profileSource).catch(() => null))?.isFile() ?? false;
  if (hasProfile) files.push(await describe(profileSource, PROFILE_FILE, "profile"));
  return {
    files,
    metrics: await readMetricsFile(metricsSource),
    lineage: summarizeLineage(await readJson2(lineageSource), lineageSource),
    profile: hasProfile ? summarizeProfile(await readJson2(profileSource)) : null,
    contentSha256: contentDigest(files)
  };
}

// src/report/registry-text.ts
function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row2) => row2[column].length)));
  return rows.map((row2) => row2.map((cell3, column) => cell3.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}
function renderVersions(model, versions, history2) {
  if (versions.length === 0) return `${model}: no versions registered`;
  const environments = [...new Set(history2.map((record) => record.environment))];
  const championIn = (version) => environments.filter((environment) => championOf(history2, environment)?.version === version);
  const rows = [["version", "registered", "commit", "metrics", "champion in"]];
  for (const version of versions) {
    const metrics = Object.entries(version.card.metrics).slice(0, 3).map(([name, value2]) => `${name}=${formatNumber(value2)}`).join(" ");
    rows.push([`v${version.version}`, version.card.createdAt, version.card.commit?.slice(0, 7) ?? "-", metrics || "-", championIn(version.version).join(", ") || "-"]);
  }
  return `${model}
${table(rows)}`;
}
function renderHistory(model, history2) {
  if (history2.length === 0) return `${model}: no promotions recorded`;
  const rows = [["when", "environment", "seq", "version", "decision", "by", "approvers", "gate", "reason"]];
  for (const record of history2) {
    rows.push([record.at, record.environment, String(record.sequence), `v${record.version}`, record.decision, record.actor ?? "-", record.approvers.join(",") || "-", `${record.gate.passed ? "passed" : "failed"}: ${record.gate.summary}`, record.reason]);
  }
  return `${model}
${table(rows)}`;
}

// src/cli/commands/registry.ts
function common(command) {
  return command.option("-r, --registry <spec>", "local:<dir> or github:<owner>/<repo> (default: the config's registry, else local:.trainyard/registry)").option("-c, --config <file>", "the trainyard config (default: .github/trainyard.yml when it exists)");
}
function refFrom(options) {
  if (options.version && options.environment) throw new UsageError("give --version or --environment, not both");
  if (options.environment) return { environment: options.environment };
  if (!options.version) throw new UsageError("expected --version <N> or --environment <name>");
  return { version: parseVersionNumber(options.version) };
}
function registerRegistry(program2, io, setExit) {
  program2.enablePositionalOptions();
  const registry = program2.command("registry").description("Model versions and promotions: the local registry or GitHub Releases.");
  const print = (value2, text, json) => io.stdout(`${json ? JSON.stringify(value2, null, 2) : text}
`);
  common(registry.command("list").description("List the models, or the versions of one model and where each is champion.").argument("[model]")).option("--json", "print JSON").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    if (!model) {
      const models = await opened.models();
      print({ models }, models.length ? models.join("\n") : `no models in ${opened.location}`, options.json);
    } else {
      const [versions, history2] = await Promise.all([opened.versions(model), opened.history(model)]);
      print({ model, versions }, renderVersions(model, versions, history2), options.json);
    }
    setExit(0);
  });
  common(registry.command("show").description("Print a version's model card.").argument("<model>")).option("-v, --version <n>", "the version number").option("-e, --environment <name>", "the champion of this environment").option("--json", "print JSON").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    const version = await opened.version(model, refFrom(options));
    print(version, `${renderCard(version.card)}
(${version.url})`, options.json);
    setExit(0);
  });
  common(registry.command("download").description("Download a version's files, every digest verified.").argument("<model>")).option("-v, --version <n>", "the version number").option("-e, --environment <name>", "the champion of this environment").requiredOption("-o, --out <dir>", "a new folder to write the files into").option("-f, --file <path>", "only this file (or folder) of the version, e.g. profile.json (repeatable; default: every file and model-card.md)", (value2, previous = []) => [...previous, value2]).action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    const version = await opened.version(model, refFrom(options));
    const downloaded = await opened.download(model, version.version, path19.resolve(io.cwd, options.out), options.file ? { only: options.file } : {});
    const count2 = downloaded.files.length === 1 ? "1 file" : `${downloaded.files.length} files`;
    io.stdout(`${model} v${version.version}: ${count2} in ${options.out}
`);
    setExit(0);
  });
  common(registry.command("history").description("Who promoted which version where, when and why.").argument("<model>")).option("-e, --environment <name>", "only this environment").option("--json", "print JSON").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    const history2 = await opened.history(model, options.environment);
    print({ model, history: history2 }, renderHistory(model, history2), options.json);
    setExit(0);
  });
  common(registry.command("register").description("Register a training output folder as a new version.").argument("<model>")).requiredOption("--from <dir>", "the training output folder (model/, metrics, predictions, lineage.json, optional profile.json)").action(async (model, options) => {
    const { registry: opened, loaded } = await openRegistry(io, options);
    const config = loaded?.config.models[model];
    const content = await collectVersionContent({ outputDir: path19.resolve(io.cwd, options.from), metricsFile: config?.metrics.file ?? "metrics.json", predictionsFile: config?.metrics.predictions ?? "predictions.csv" });
    const version = await opened.register({
      model,
      content,
      text: { task: config?.task ?? null, description: config?.description ?? null, intendedUse: config?.card?.intended_use ?? null, limitations: config?.card?.limitations ?? null },
      commit: content.lineage?.commit ?? io.env.GITHUB_SHA ?? null,
      runUrl: runUrlFrom(io.env),
      onProgress: (event) => {
        if (event.kind === "stored") io.stderr(`stored ${event.path} (${event.done}/${event.total})
`);
      }
    });
    io.stdout(`registered ${model} v${version.version} (${version.url})
`);
    setExit(0);
  });
  common(registry.command("promote").description("Record a promotion of a version to an environment (no deploy).").argument("<model>")).requiredOption("-v, --version <n>", "the version number").requiredOption("-e, --environment <name>", "the environment").option("--approver <login>", "who approved (repeatable)", (value2, previous) => [...previous, value2], []).option("--reason <text>", "why", "promoted by hand").option("--gate <summary>", "the metric gate's summary", "not evaluated").option("--rejected", "record a rejected promotion instead").option("--dry-run", "say what would be recorded and record nothing").action(async (model, options) => {
    const { registry: opened } = await openRegistry(io, options);
    const version = parseVersionNumber(options.version);
    const decision = options.rejected ? "rejected" : "approved";
    if (options.dryRun) {
      await opened.version(model, { version });
      io.stdout(`[dry-run] would record ${model} v${version} ${decision} for ${options.environment} in ${opened.location}
`);
    } else {
      const record = await opened.promote({ model, version, environment: options.environment, decision, approvers: options.approver, gate: { passed: !options.rejected, summary: options.gate }, reason: options.reason, runUrl: runUrlFrom(io.env), actor: io.env.GITHUB_ACTOR ?? null });
      io.stdout(`recorded ${model}#${record.environment}#${record.sequence}: v${version} ${decision}
`);
    }
    setExit(0);
  });
}

// src/cli/commands/drift.ts
import { existsSync } from "node:fs";
import { mkdir as mkdir6, mkdtemp, writeFile as writeFile5 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path21 from "node:path";

// src/drift/json.ts
function driftJson(result) {
  return {
    drifted: result.drifted,
    share: result.share,
    driftShare: result.driftShare,
    correction: result.correction,
    reference: result.reference,
    current: result.current,
    tested: result.tested,
    driftedColumns: result.driftedColumns,
    columns: result.columns.map((column) => {
      const { distribution, ...rest } = column;
      void distribution;
      return rest;
    })
  };
}

// src/drift/math/gamma.ts
var HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
var TINY = 1e-300;
function stirlingRemainder(a) {
  const r = 1 / a;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360))))));
}
function logGamma(a) {
  let shift = 0;
  let x = a;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingRemainder(x) - shift;
}
function log1pMinus(t) {
  if (Math.abs(t) > 0.1) return Math.log1p(t) - t;
  let power = t * t;
  let sum = 0;
  for (let k = 2; k < 60; k++) {
    const next = power / k;
    sum += k % 2 === 0 ? -next : next;
    if (Math.abs(next) < 1e-18 * Math.abs(sum)) break;
    power *= t;
  }
  return sum;
}
function logPrefactor(a, x) {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  return a * log1pMinus((x - a) / a) + 0.5 * Math.log(a) - HALF_LOG_2PI - stirlingRemainder(a);
}
function lowerSeries(a, x) {
  let term2 = 1 / a;
  let sum = term2;
  for (let n = 1; n < 1e5; n++) {
    term2 *= x / (a + n);
    sum += term2;
    if (term2 < sum * 1e-17) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}
function upperFraction(a, x) {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e5; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}
function upperGamma(a, x) {
  if (!(a > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}
function chiSquareSf(x, df) {
  return upperGamma(df / 2, x / 2);
}
function normalTwoSided(z2) {
  if (z2 === 0) return 1;
  return upperGamma(0.5, z2 * z2 / 2);
}

// src/drift/tests/chisquare.ts
var chisquare = {
  name: "chisquare",
  description: "chi-square goodness of fit of current counts to reference proportions, p-value (scipy chisquare)",
  kinds: ["numerical", "categorical"],
  rule: "p<",
  defaultThreshold: 0.05,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    if (counts.length < 2) return { statistic: 0, pValue: 1, note: "one value on both sides: no degrees of freedom" };
    const scale = evidence.current.rows / evidence.reference.rows;
    let statistic = 0;
    const unseen = [];
    for (const entry of counts) {
      const expected = entry.reference * scale;
      if (expected === 0) unseen.push(String(entry.value));
      statistic += (entry.current - expected) * (entry.current - expected) / expected;
    }
    if (unseen.length > 0) {
      const shown = unseen.slice(0, 5).join(", ") + (unseen.length > 5 ? ", \u2026" : "");
      return { statistic: null, pValue: 0, note: `infinite statistic: ${unseen.length} value(s) never seen in the reference (${shown})` };
    }
    return { statistic, pValue: chiSquareSf(statistic, counts.length - 1), note: `${counts.length - 1} degrees of freedom` };
  }
};

// src/drift/math/sturges.ts
function sturgesEdges(min, max2, count2) {
  let first = min;
  let last = max2;
  const spread = max2 - min;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let bins = 1;
  if (count2 > 0) {
    const width = spread / (Math.log2(count2) + 1);
    if (width) bins = Math.ceil((last - first) / width);
  }
  const step2 = (last - first) / bins;
  const edges = [];
  for (let i = 0; i <= bins; i++) edges.push(i * step2 + first);
  edges[bins] = last;
  return edges;
}

// src/drift/binning.ts
function unionRange(evidence) {
  const { reference: r, current: c } = evidence;
  return [Math.min(r.min ?? Infinity, c.min ?? Infinity), Math.max(r.max ?? -Infinity, c.max ?? -Infinity)];
}
function edgeLabel(edges, i) {
  const fmt = (x) => x.toLocaleString("en-US", { maximumSignificantDigits: 4 });
  return `${fmt(edges[i])}\u2013${fmt(edges[i + 1])}`;
}
async function binnedCounts(evidence) {
  if (evidence.kind === "numerical" && evidence.reference.distinct > 20) {
    const [min, max2] = unionRange(evidence);
    const edges = sturgesEdges(min, max2, evidence.reference.rows + evidence.current.rows);
    const counts = await evidence.histogram(edges);
    const labels2 = counts.reference.map((_, i) => edgeLabel(edges, i));
    return { labels: labels2, ...counts, note: `${labels2.length} Sturges bins over both sides` };
  }
  const values = await evidence.valueCounts();
  return {
    labels: values.map((entry) => String(entry.value)),
    reference: values.map((entry) => entry.reference),
    current: values.map((entry) => entry.current),
    note: `one bin per distinct value (${values.length})`
  };
}
function shares(binned, evidence) {
  return {
    reference: binned.reference.map((count2) => count2 / evidence.reference.rows),
    current: binned.current.map((count2) => count2 / evidence.current.rows)
  };
}

// src/drift/tests/hellinger.ts
function distance(coefficient) {
  return Math.sqrt(1 - Math.min(Math.max(coefficient, 0), 1));
}
var hellinger = {
  name: "hellinger",
  description: "Hellinger distance sqrt(1 - Bhattacharyya coefficient) (Evidently hellinger)",
  kinds: ["numerical", "categorical"],
  rule: ">=",
  defaultThreshold: 0.1,
  async run(evidence) {
    const nr = evidence.reference.rows;
    const nc = evidence.current.rows;
    if (evidence.kind === "categorical") {
      const counts2 = await evidence.valueCounts();
      let coefficient2 = 0;
      for (const entry of counts2) coefficient2 += Math.sqrt(entry.reference / nr * (entry.current / nc));
      return { statistic: distance(coefficient2), pValue: null, note: `one bin per distinct value (${counts2.length})` };
    }
    const [min, max2] = unionRange(evidence);
    const edges = sturgesEdges(min, max2, evidence.distinct);
    const counts = await evidence.histogram(edges);
    const width = (edges[edges.length - 1] - edges[0]) / (edges.length - 1);
    const totalR = counts.reference.reduce((a, b) => a + b, 0);
    const totalC = counts.current.reduce((a, b) => a + b, 0);
    let coefficient = 0;
    for (let i = 0; i < edges.length - 1; i++) {
      const binWidth = edges[i + 1] - edges[i];
      const densityR = counts.reference[i] / binWidth / totalR;
      const densityC = counts.current[i] / binWidth / totalC;
      coefficient += Math.sqrt(densityR * densityC) * width;
    }
    const labels2 = counts.reference.map((_, i) => edgeLabel(edges, i));
    return {
      statistic: distance(coefficient),
      pValue: null,
      note: `${labels2.length} Sturges bins over the distinct values`,
      distribution: { labels: labels2, reference: counts.reference.map((c) => c / nr), current: counts.current.map((c) => c / nc) }
    };
  }
};

// src/drift/math/divergence.ts
function normalise(values) {
  const total = values.reduce((sum, value2) => sum + value2, 0);
  return values.map((value2) => value2 / total);
}
function relativeEntropy(x, y) {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}
function jensenShannon(p, q3, base) {
  const pn = normalise(p);
  const qn = normalise(q3);
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    left += relativeEntropy(pn[i], m);
    right += relativeEntropy(qn[i], m);
  }
  let js = left + right;
  if (base !== void 0) js /= Math.log(base);
  return Math.sqrt(js / 2);
}
function klDivergence(p, q3) {
  const pn = normalise(p);
  const qn = normalise(q3);
  let sum = 0;
  for (let i = 0; i < pn.length; i++) sum += relativeEntropy(pn[i], qn[i]);
  return sum;
}
function psi(reference, current) {
  let sum = 0;
  for (let i = 0; i < reference.length; i++) sum += (reference[i] - current[i]) * Math.log(reference[i] / current[i]);
  return sum;
}
function fillEmptyBins(shares2) {
  const nonzero = shares2.filter((share2) => share2 !== 0);
  if (nonzero.length === 0) return shares2;
  let least = Infinity;
  for (const share2 of nonzero) if (share2 < least) least = share2;
  const fill = least <= 1e-4 ? least / 10 ** 6 : 1e-4;
  return shares2.map((share2) => share2 === 0 ? fill : share2);
}
function lInfinity(p, q3) {
  const pn = normalise(p);
  const qn = normalise(q3);
  let max2 = 0;
  for (let i = 0; i < pn.length; i++) max2 = Math.max(max2, Math.abs(pn[i] - qn[i]));
  return max2;
}

// src/drift/tests/binned-test.ts
function binnedSharesTest(spec) {
  return {
    name: spec.name,
    description: spec.description,
    kinds: ["numerical", "categorical"],
    rule: ">=",
    defaultThreshold: 0.1,
    async run(evidence) {
      const binned = await binnedCounts(evidence);
      const { reference, current } = shares(binned, evidence);
      return { statistic: spec.statistic(reference, current), pValue: null, note: binned.note, distribution: { labels: binned.labels, reference, current } };
    }
  };
}

// src/drift/tests/jensenshannon.ts
var jensenshannon = binnedSharesTest({
  name: "jensenshannon",
  description: "Jensen-Shannon distance, natural log (sqrt of the divergence; Evidently, scipy jensenshannon)",
  statistic: jensenShannon
});

// src/drift/tests/kl.ts
var kl = binnedSharesTest({
  name: "kl",
  description: "Kullback-Leibler divergence D(reference \u2016 current) in nats, empty bins filled (Evidently kl_div, scipy entropy)",
  statistic: (reference, current) => klDivergence(fillEmptyBins(reference), fillEmptyBins(current))
});

// src/drift/math/ks-exact.ts
function probOutsideSquare(n, h) {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}
function outerProbInside(m0, n0, g, h) {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(Math.max(lenA, n + 2)).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

// src/drift/math/scaled.ts
var TWO_POWERS = /* @__PURE__ */ new Map();
function pow2(e) {
  let cached = TWO_POWERS.get(e);
  if (cached === void 0) {
    cached = 2 ** e;
    if (TWO_POWERS.size < 4096) TWO_POWERS.set(e, cached);
  }
  return cached;
}
function ldexp(x, e) {
  let value2 = x;
  let rest = e;
  while (rest > 1e3) {
    value2 *= pow2(1e3);
    rest -= 1e3;
  }
  while (rest < -1e3) {
    value2 *= pow2(-1e3);
    rest += 1e3;
  }
  return value2 * pow2(rest);
}
var BITS = new Float64Array(1);
var WORDS = new Uint32Array(BITS.buffer);
var HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
function frexp(x) {
  if (x === 0 || !Number.isFinite(x)) return { f: x, e: 0 };
  BITS[0] = x;
  const high = WORDS[HIGH];
  const biased = high >>> 20 & 2047;
  if (biased === 0) {
    const scaled = frexp(x * 18446744073709552e3);
    return { f: scaled.f, e: scaled.e - 64 };
  }
  WORDS[HIGH] = high & 2148532223 | 1022 << 20;
  return { f: BITS[0], e: biased - 1022 };
}
function multiply(a, b) {
  const product = frexp(a.f * b.f);
  return { f: product.f, e: product.e + a.e + b.e };
}
function toNumber(a) {
  return ldexp(a.f, a.e);
}
function powScaled(y, m) {
  if (m === 0) return { f: 0.5, e: 1 };
  const base = frexp(y);
  const log2f = Math.log2(base.f);
  if (m * log2f > -900) {
    const value2 = frexp(Math.pow(base.f, m));
    return { f: value2.f, e: value2.e + base.e * m };
  }
  const chunk = Math.max(1, Math.floor(-900 / log2f));
  const times = Math.floor(m / chunk);
  const rest = m - times * chunk;
  const piece = frexp(Math.pow(base.f, chunk));
  const pieces = powScaled(piece.f, times);
  const restPart = frexp(Math.pow(base.f, rest));
  const product = multiply(pieces, restPart);
  return { f: product.f, e: product.e + piece.e * times + base.e * m };
}

// src/drift/math/kolmogn-dmtw.ts
function zeros(m) {
  return Array.from({ length: m }, () => new Float64Array(m));
}
function identity(m) {
  const out = zeros(m);
  for (let i = 0; i < m; i++) out[i][i] = 1;
  return out;
}
function matmul(a, b) {
  const m = a.length;
  const out = zeros(m);
  for (let i = 0; i < m; i++) {
    const row2 = out[i];
    const ai = a[i];
    for (let k = 0; k < m; k++) {
      const aik = ai[k];
      if (aik === 0) continue;
      const bk = b[k];
      for (let j = 0; j < m; j++) row2[j] += aik * bk[j];
    }
  }
  return out;
}
function kolmognDmtwCdf(n, d) {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - Math.pow(h, j);
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let H = zeros(m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r][i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r][0] = v[r];
  for (let c = 0; c < m; c++) H[m - 1][c] = v[m - 1 - c];
  let power = identity(m);
  let nn = n;
  let exponent = 0;
  let hExponent = 0;
  const big = pow2(128);
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, H);
      exponent += hExponent;
    }
    H = matmul(H, H);
    hExponent *= 2;
    if (Math.abs(H[k - 1][k - 1]) > big) {
      for (const row2 of H) for (let j = 0; j < m; j++) row2[j] /= big;
      hExponent += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[k - 1][k - 1];
  const small = pow2(-128);
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < small) {
      p *= big;
      exponent -= 128;
    }
  }
  if (exponent !== 0) p = ldexp(p, exponent);
  return Math.min(Math.max(p, 0), 1);
}

// src/drift/math/kolmogn-pelz-good.ts
var PI2 = Math.PI ** 2;
var PI4 = Math.PI ** 4;
var PI6 = Math.PI ** 6;
var SQRT2PI = Math.sqrt(2 * Math.PI);
var SQRT3 = Math.sqrt(3);
var MIN_LOG = -708;
function kolmognPelzGoodCdf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z2 = Math.sqrt(n) * x;
  const z22 = z2 ** 2;
  const z3 = z2 ** 3;
  const z4 = z2 ** 4;
  const z6 = z2 ** 6;
  const qlog = -PI2 / 8 / z22;
  if (qlog < MIN_LOG) return 0;
  let q3 = Math.exp(qlog);
  const k1a = -z22;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = (2 * z4 - 5 * z22) * PI2 / 4;
  const k2c = PI4 * (1 - 2 * z22) / 16;
  const k3d = PI6 * (5 - 30 * z22) / 64;
  const k3c = PI4 * (-60 * z22 + 212 * z4) / 16;
  const k3b = PI2 * (135 * z4 - 96 * z6) / 4;
  const k3a = -30 * z6 - 90 * z2 ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z2 / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = Math.pow(q3, 8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z2, 6 * z4, 72 * z2 ** 7, 6480 * z2 ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q3 * SQRT2PI / divisors[i];
  q3 = Math.exp(-PI2 / 2 / z22);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = SQRT3 * z2;
  for (let k = maxk; k > 0; k--) {
    const ksq = k ** 2;
    const qp = Math.pow(q3, ksq);
    const kspi = Math.PI * k;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  K[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
  K[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

// src/drift/math/kolmogn-pomeranz.ts
function bounds(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function convolve(a, b) {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j] += ai * b[j];
  }
  return out;
}
function kolmognPomeranzCdf(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = 2 * g / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * gOverN / m;
    twogpower[m] = twogpower[m - 1] * twoGOverN / m;
    onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let exponent = 0;
  const big = pow2(128);
  const small = pow2(-128);
  let [j1] = bounds(0, n, ll, ceilf, roundf);
  let j2;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = bounds(i, n, ll, ceilf, roundf);
    const powers = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const from = k1 - v0s;
      const conv = convolve(v0.subarray(from, Math.min(from + ln2, npwrs)), powers.subarray(0, Math.min(ln2, npwrs)));
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      for (let c = 0; c < convLength && convStart + c < conv.length; c++) v1[c] = conv[convStart + c];
      let max2 = -Infinity;
      for (const value2 of v1) if (value2 > max2) max2 = value2;
      if (max2 > 0 && max2 < small) {
        for (let c = 0; c < npwrs; c++) v1[c] *= big;
        exponent -= 128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let answer = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > big) {
      answer *= small;
      exponent += 128;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexp(answer, exponent);
  return Math.min(Math.max(answer, 0), 1);
}

// src/drift/math/double-double.ts
var SPLITTER = 134217729;
function twoSum(a, b) {
  const hi = a + b;
  const bb = hi - a;
  return { hi, lo: a - (hi - bb) + (b - bb) };
}
function split2(a) {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
function twoProduct(a, b) {
  const hi = a * b;
  const [ah, al] = split2(a);
  const [bh, bl] = split2(b);
  return { hi, lo: ah * bh - hi + ah * bl + al * bh + al * bl };
}
function addDouble(a, b) {
  const s = twoSum(a.hi, b);
  return twoSum(s.hi, s.lo + a.lo);
}
function ratio(p, q3) {
  const hi = p / q3;
  const back = twoProduct(hi, q3);
  return { hi, lo: (p - back.hi - back.lo) / q3 };
}

// src/drift/math/smirnov.ts
var MAX_COMPUTE_N = 1e6;
var MIN_LOG2 = -745.1332191019412;
var EPSILON = Number.EPSILON;
function powPair(base, m) {
  const scaled = powScaled(base.hi, m);
  if (m === 0 || base.lo === 0) return scaled;
  const correction = Math.exp(m * Math.log1p(base.lo / base.hi));
  return multiply(scaled, { f: correction / 2, e: 1 });
}
function floorProduct(n, x) {
  const product = twoProduct(n, x);
  let floor = Math.floor(product.hi);
  let alpha = product.hi - floor + product.lo;
  if (alpha < 0) {
    floor -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    floor += 1;
    alpha = 0;
  }
  return { floor, alpha };
}
function term(n, x, v, binomial) {
  const below = addDouble(ratio(n - v, n), -x);
  const above = addDouble(ratio(v, n), x);
  if (below.hi === 0 || above.hi === 0) return 0;
  const negative = below.hi < 0;
  const sign = negative && (n - v) % 2 === 1 ? -1 : 1;
  const belowHi = negative ? -below.hi : below.hi;
  const correction = 1 + (n - v) * (below.lo / below.hi) + (v - 1) * (above.lo / above.hi);
  const value2 = multiply(multiply(powScaled(belowHi, n - v), powScaled(above.hi, v - 1)), binomial);
  return sign * toNumber(value2) * correction;
}
function smirnov(n, x) {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxfl, alpha } = floorProduct(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || nxfl === 1 && alpha === 0) {
    const cdf = x * Math.exp((n - 1) * Math.log1p(x));
    return clip(1 - cdf);
  }
  if (-2 * n * x * x < MIN_LOG2) return 0;
  if (nxfl >= n - 1) return clip(toNumber(powPair(twoSum(1, -x), n)));
  if (n > MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return clip(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }
  const upperTerms = n - n1mxceil + 1;
  const useUpper = upperTerms <= 1 && x < 0.5 || n >= 10 && upperTerms <= 3 && x <= 0.5 / Math.sqrt(n);
  let sum = 0;
  let compensation = 0;
  const add = (value2) => {
    const t = sum + value2;
    compensation += Math.abs(sum) >= Math.abs(value2) ? sum - t + value2 : value2 - t + sum;
    sum = t;
  };
  const step2 = useUpper ? -1 : 1;
  const start = useUpper ? n : 0;
  const count2 = useUpper ? upperTerms : n1mxfl + 1;
  add(useUpper ? toNumber(powPair(twoSum(1, x), n - 1)) : toNumber(powPair(twoSum(1, -x), n)) / x);
  let binomial = { f: 0.5, e: 1 };
  binomial = multiply(binomial, { f: n / 2, e: 1 });
  const vmid = Math.floor(n / 2);
  for (let j = 1; j < count2; j++) {
    const v = start + j * step2;
    const a = term(n, x, v, binomial);
    if (Number.isFinite(a) && a !== 0) add(a);
    if (a !== 0) {
      if (4 * (count2 - j) * Math.abs(a) < EPSILON * (sum + compensation) && j !== count2 - 1) break;
    } else if (j > vmid) {
      break;
    }
    binomial = multiply(binomial, { f: (n - j) / (j + 1) / 2, e: 1 });
  }
  const prob = x * (sum + compensation);
  return clip(step2 < 0 ? 1 - prob : prob);
}
function clip(p) {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

// src/drift/math/kolmogn.ts
var LOG_2PI = Math.log(2 * Math.PI);
var STIRLING = [
  -0.029550653594771242,
  0.00641025641025641,
  -0.0019175269175269176,
  8417508417508417e-19,
  -5952380952380953e-19,
  7936507936507937e-19,
  -0.002777777777777778,
  0.08333333333333333
];
function logFactorialOverPower(n) {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
function clip2(p) {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
function kolmogorovSf(n, x) {
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip2(1 - prob);
  }
  if (t >= n - 1) return clip2(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip2(2 * smirnov(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip2(1 - kolmognDmtwCdf(n, x));
    if (nxSquared <= 4) return clip2(1 - kolmognPomeranzCdf(n, x));
    return clip2(2 * smirnov(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip2(2 * smirnov(n, x));
  const cdf = n <= 1e5 && n * Math.pow(x, 1.5) <= 1.4 ? kolmognDmtwCdf(n, x) : kolmognPelzGoodCdf(n, x);
  return clip2(1 - clip2(cdf));
}

// src/drift/math/ks-pvalue.ts
var MAX_EXACT_N = 1e4;
function gcd(a, b) {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function exact(n1, n2, d) {
  const g = gcd(n1, n2);
  const lcm = n1 / g * n2;
  const h = roundHalfEven(d * lcm);
  const snapped = h / lcm;
  if (h === 0) return { d: snapped, pValue: 1, method: "exact" };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!(p >= 0 && p <= 1)) return void 0;
  return { d: snapped, pValue: p, method: "exact" };
}
function ksPValue(n1, n2, d) {
  if (n1 < 1 || n2 < 1) throw new RangeError("ks: both samples need at least one value");
  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const result = exact(n1, n2, d);
    if (result) return result;
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = m * n / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { d, pValue: Math.min(Math.max(p, 0), 1), method: "asymptotic" };
}

// src/drift/tests/ks.ts
var ks = {
  name: "ks",
  description: "two-sample Kolmogorov-Smirnov D, two-sided p-value (scipy ks_2samp, method auto)",
  kinds: ["numerical"],
  rule: "p<=",
  defaultThreshold: 0.05,
  async run(evidence) {
    const distance2 = await evidence.ecdfDistance();
    const result = ksPValue(evidence.reference.rows, evidence.current.rows, distance2);
    return { statistic: result.d, pValue: result.pValue, note: `${result.method} p-value` };
  }
};

// src/drift/tests/linf.ts
var linf = {
  name: "linf",
  description: "L-infinity distance max |p_ref - p_cur| over value shares (TFDV)",
  kinds: ["numerical", "categorical"],
  rule: ">=",
  defaultThreshold: 0.1,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    const value2 = lInfinity(
      counts.map((entry) => entry.reference),
      counts.map((entry) => entry.current)
    );
    return { statistic: value2, pValue: null, note: `over ${counts.length} distinct values` };
  }
};

// src/drift/tests/psi.ts
var psi2 = binnedSharesTest({
  name: "psi",
  description: "population stability index \u03A3 (r - c) ln(r / c), empty bins filled (Evidently psi)",
  statistic: (reference, current) => psi(fillEmptyBins(reference), fillEmptyBins(current))
});

// src/drift/tests/wasserstein.ts
var wasserstein = {
  name: "wasserstein",
  description: "Wasserstein-1 distance / max(std(reference, ddof=0), 0.001) (Evidently wasserstein)",
  kinds: ["numerical"],
  rule: ">=",
  defaultThreshold: 0.1,
  async run(evidence) {
    const distance2 = await evidence.wasserstein();
    return { statistic: distance2 / Math.max(evidence.reference.std ?? 0, 1e-3), pValue: null };
  }
};

// src/drift/tests/z.ts
var z = {
  name: "z",
  description: "two-proportion z statistic for the first value (sorted) against the rest, two-sided p-value",
  kinds: ["numerical", "categorical"],
  rule: "p<",
  defaultThreshold: 0.05,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    if (counts.length < 2) return { statistic: 0, pValue: 1, note: "one value on both sides" };
    const first = counts[0];
    const n1 = evidence.reference.rows;
    const n2 = evidence.current.rows;
    const p1 = first.reference / n1;
    const p2 = first.current / n2;
    const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    return { statistic, pValue: normalTwoSided(statistic), note: `share of "${String(first.value)}"` };
  }
};

// src/drift/registry.ts
var DRIFT_TESTS = { ks, wasserstein, jensenshannon, psi: psi2, kl, hellinger, chisquare, z, linf };
function isDriftMethod(name) {
  return DRIFT_METHOD_NAMES.includes(name);
}
function driftTest(name) {
  if (isDriftMethod(name)) return DRIFT_TESTS[name];
  const close = didYouMean(name, DRIFT_METHOD_NAMES);
  const hint = close ? ` (did you mean "${close}"?)` : "";
  throw new UsageError(`unknown drift method "${name}"${hint}; expected one of ${DRIFT_METHOD_NAMES.join(", ")}`);
}

// src/drift/options.ts
function pairs(values, option) {
  return values.map((value2) => {
    const at2 = value2.lastIndexOf("=");
    if (at2 <= 0 || at2 === value2.length - 1) throw new UsageError(`${option} ${value2}: expected column=value`);
    return [value2.slice(0, at2), value2.slice(at2 + 1)];
  });
}
function share(value2) {
  const parsed = Number(value2);
  if (!(parsed > 0 && parsed <= 1)) throw new UsageError(`--drift-share ${value2}: expected a number in (0, 1]`);
  return parsed;
}
function resolveDriftOptions(options, cwd, context) {
  const drift2 = context?.model.drift;
  const methods = { ...drift2?.methods ?? {} };
  for (const [column, name] of pairs(options.method, "--method")) methods[column] = driftTest(name).name;
  const thresholds = { ...drift2?.thresholds ?? {} };
  for (const [column, value2] of pairs(options.threshold, "--threshold")) {
    const parsed = Number(value2);
    if (!Number.isFinite(parsed) || parsed < 0) throw new UsageError(`--threshold ${column}=${value2}: expected a non-negative number`);
    thresholds[column] = parsed;
  }
  const correction = options.correction ?? drift2?.correction ?? "none";
  if (!CORRECTIONS.includes(correction)) throw new UsageError(`--correction ${correction}: expected one of ${CORRECTIONS.join(", ")}`);
  const columns = options.columns !== void 0 ? options.columns.split(",").map((c) => c.trim()).filter(Boolean) : drift2?.columns;
  if (columns !== void 0 && columns.length === 0) throw new UsageError("--columns: expected a comma-separated list of column names");
  const where2 = context ? `models.${context.name}` : void 0;
  const reference = options.reference ? { paths: options.reference, root: cwd } : context ? { paths: drift2?.reference ?? context.model.data.train, root: context.root } : void 0;
  if (!reference) throw new UsageError("no reference: give --reference <data|profile.json>, or --config with a model");
  const current = options.current ? { paths: options.current, root: cwd } : context && (drift2?.current ?? context.model.data.production) ? { paths: drift2?.current ?? context.model.data.production, root: context.root } : void 0;
  if (!current) throw new UsageError(`no current data: give --current <data>${where2 ? `, or set ${where2}.drift.current or ${where2}.data.production` : ""}`);
  return {
    reference,
    current,
    ...columns ? { columns } : {},
    methods,
    thresholds,
    driftShare: options.driftShare !== void 0 ? share(options.driftShare) : drift2?.drift_share ?? 0.5,
    correction
  };
}

// src/drift/run-drift.ts
import path20 from "node:path";

// src/profile/read.ts
import { open as open2, readFile as readFile9 } from "node:fs/promises";

// src/profile/types.ts
var PROFILE_FORMAT = "trainyard.profile";
var PROFILE_VERSION = 1;
var VALUE_CAP = 1e3;
var MAX_BINS = 64;
var DEFAULT_SAMPLE_SIZE = 1e4;

// src/profile/read.ts
var value = external_exports.union([external_exports.string(), external_exports.number()]);
var columnSchema = external_exports.object({
  name: external_exports.string(),
  type: external_exports.string(),
  kind: external_exports.enum(["numerical", "categorical", "datetime", "other"]),
  count: external_exports.number().int().nonnegative(),
  nulls: external_exports.number().int().nonnegative(),
  min: value.nullable(),
  max: value.nullable(),
  mean: external_exports.number().nullable(),
  m2: external_exports.number().nullable(),
  distinct: external_exports.number().int().nonnegative().nullable(),
  values: external_exports.array(external_exports.tuple([value, external_exports.number().int().nonnegative()])).nullable(),
  histogram: external_exports.object({ width: external_exports.number().positive(), start: external_exports.number().int(), counts: external_exports.array(external_exports.number().int().nonnegative()) }).nullable(),
  sample: external_exports.object({ seen: external_exports.number().int().nonnegative(), values: external_exports.array(value) })
});
var profileSchema = external_exports.object({
  format: external_exports.literal(PROFILE_FORMAT),
  version: external_exports.literal(PROFILE_VERSION),
  source: external_exports.string(),
  rows: external_exports.number().int().nonnegative(),
  sampleSize: external_exports.number().int().positive(),
  columns: external_exports.array(columnSchema)
});
function parseProfile(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${error.message}); expected a profile written by trainyard profile`);
  }
  const result = profileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DataError(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}; expected a profile written by trainyard profile`);
  }
  return result.data;
}
async function readProfile(file, shownAs = file) {
  let text;
  try {
    text = await readFile9(file, "utf8");
  } catch (error) {
    throw new DataError(`${shownAs}: cannot read the profile (${error.code ?? "error"})`);
  }
  return parseProfile(text, shownAs);
}
async function looksLikeProfile(file) {
  if (!file.toLowerCase().endsWith(".json")) return false;
  let handle;
  try {
    handle = await open2(file, "r");
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(`"${PROFILE_FORMAT}"`);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

// src/drift/column-kind.ts
var NUMERICAL = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/;
var CATEGORICAL = /^(VARCHAR|BOOLEAN|ENUM.*|UUID)$/;
var DATETIME = /^(DATE|TIME|TIMESTAMP.*|TIMETZ|INTERVAL)/;
function kindOfType(type) {
  const upper = type.toUpperCase();
  if (NUMERICAL.test(upper)) return "numerical";
  if (CATEGORICAL.test(upper)) return "categorical";
  if (DATETIME.test(upper)) return "datetime";
  return "other";
}

// src/drift/correction.ts
function adjustPValues(pValues, correction) {
  const m = pValues.length;
  if (correction === "none" || m === 0) return [...pValues];
  if (correction === "bonferroni") return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1];
    running = Math.min(running, p * m / rank);
    adjusted[i] = Math.min(1, running);
  }
  return adjusted;
}

// src/drift/duckdb-evidence.ts
var num = (value2) => value2 === null || value2 === void 0 ? Number.NaN : Number(value2);
var numOrNull = (value2) => value2 === null || value2 === void 0 ? null : Number(value2);
function histogramSql(table2, edges) {
  const k = edges.length - 1;
  const literal = (x) => x.toPrecision(17);
  const list = `([${edges.map(literal).join(", ")}]::DOUBLE[])`;
  const lo = edges[0];
  const hi = edges[k];
  const guess = `least(greatest(floor((v - ${literal(lo)}) / ${literal(hi - lo)} * ${k})::BIGINT, 0), ${k - 1})`;
  const bin = `CASE WHEN v < ${list}[g + 1] THEN g - 1 WHEN g < ${k - 1} AND v >= ${list}[g + 2] THEN g + 1 ELSE g END`;
  return `SELECT ${bin} AS b, sum(r) AS r, sum(c) AS c FROM (SELECT v, r, c, ${guess} AS g FROM ${table2} WHERE v >= ${literal(lo)} AND v <= ${literal(hi)}) GROUP BY b`;
}
async function duckdbEvidence(engine, request) {
  const table2 = quoteIdentifier(request.table);
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${table2} AS SELECT v, sum(r)::DOUBLE AS r, sum(c)::DOUBLE AS c FROM (SELECT v, n AS r, 0 AS c FROM (${request.reference}) UNION ALL SELECT v, 0 AS r, n AS c FROM (${request.current})) GROUP BY v`
  );
  const numerical = request.kind === "numerical";
  const moments = numerical ? `, sum(r * v) FILTER (WHERE r > 0) / sum(r) AS mr, sum(c * v) FILTER (WHERE c > 0) / sum(c) AS mc` : ", NULL AS mr, NULL AS mc";
  const range = numerical ? `, min(v) FILTER (WHERE r > 0) AS minr, max(v) FILTER (WHERE r > 0) AS maxr, min(v) FILTER (WHERE c > 0) AS minc, max(v) FILTER (WHERE c > 0) AS maxc` : ", NULL AS minr, NULL AS maxr, NULL AS minc, NULL AS maxc";
  const [facts] = await engine.query(
    `SELECT sum(r) AS nr, sum(c) AS nc, count(*) FILTER (WHERE r > 0) AS dr, count(*) FILTER (WHERE c > 0) AS dc, count(*) AS du${range}${moments} FROM ${table2}`
  );
  let stdR = null;
  let stdC = null;
  if (numerical && facts) {
    const [spread] = await engine.query(
      `SELECT sqrt(sum(r * (v - ${num(facts.mr) || 0}) ^ 2) / sum(r)) AS sr, sqrt(sum(c * (v - ${num(facts.mc) || 0}) ^ 2) / sum(c)) AS sc FROM ${table2}`
    );
    stdR = numOrNull(spread?.sr);
    stdC = numOrNull(spread?.sc);
  }
  const side2 = (rows, distinct, min, max2, mean, std) => ({
    rows: num(rows) || 0,
    distinct: num(distinct) || 0,
    min: numOrNull(min),
    max: numOrNull(max2),
    mean: numerical ? numOrNull(mean) : null,
    std
  });
  const reference = side2(facts?.nr, facts?.dr, facts?.minr, facts?.maxr, facts?.mr, request.referenceStd ?? stdR);
  const current = side2(facts?.nc, facts?.dc, facts?.minc, facts?.maxc, facts?.mc, stdC);
  let cdf;
  const cdfFacts = () => cdf ??= engine.query(
    `SELECT max(abs(fr - fc)) AS d, sum(abs(fr - fc) * (nv - v)) AS w FROM (SELECT v, sum(r) OVER w / ${reference.rows} AS fr, sum(c) OVER w / ${current.rows} AS fc, lead(v) OVER (ORDER BY v) AS nv FROM ${table2} WINDOW w AS (ORDER BY v ROWS UNBOUNDED PRECEDING))`
  ).then(([row2]) => ({ d: num(row2?.d), w: num(row2?.w) || 0 }));
  return {
    kind: request.kind,
    reference,
    current,
    distinct: num(facts?.du) || 0,
    ecdfDistance: async () => (await cdfFacts()).d,
    wasserstein: async () => (await cdfFacts()).w,
    async valueCounts() {
      const rows = await engine.query(`SELECT v, r, c FROM ${table2} ORDER BY v`);
      return rows.map((row2) => ({ value: numerical ? num(row2.v) : String(row2.v), reference: num(row2.r), current: num(row2.c) }));
    },
    async histogram(edges) {
      const bins = edges.length - 1;
      const rows = await engine.query(histogramSql(table2, edges));
      const out = { reference: new Array(bins).fill(0), current: new Array(bins).fill(0) };
      for (const row2 of rows) {
        const b = num(row2.b);
        out.reference[b] += num(row2.r);
        out.current[b] += num(row2.c);
      }
      return out;
    }
  };
}

// src/profile/column-sql.ts
function valueSql(column, kind) {
  const id = quoteIdentifier(column);
  return kind === "numerical" ? `CAST(${id} AS DOUBLE)` : `CAST(${id} AS VARCHAR)`;
}
function presentSql(kind) {
  return kind === "numerical" ? "v IS NOT NULL AND isfinite(v)" : "v IS NOT NULL";
}

// src/drift/grouped-side.ts
async function groupSide(engine, view, plan, table2) {
  const id = quoteIdentifier(table2);
  const values = plan.map((column, i) => `${valueSql(column.name, column.kind)} AS c${i}`);
  const flags = plan.map((_, i) => `grouping(c${i}) AS g${i}`);
  const sets = [...plan.map((_, i) => `(c${i})`), "()"];
  const inner = values.length > 0 ? values.join(", ") : "1 AS one";
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${id} AS SELECT ${[...plan.map((_, i) => `c${i}`), ...flags, "count(*) AS n"].join(", ")} FROM (SELECT ${inner} FROM ${quoteIdentifier(view)}) GROUP BY GROUPING SETS (${sets.join(", ")})`
  );
  const allOthers = plan.map((_, i) => `g${i} = 1`).join(" AND ") || "TRUE";
  const [total] = await engine.query(`SELECT n FROM ${id} WHERE ${allOthers}`);
  return {
    rows: Number(total?.n ?? 0),
    relation(column) {
      const i = plan.findIndex((p) => p.name === column);
      const present = presentSql(plan[i].kind).replace(/\bv\b/g, `c${i}`);
      return `SELECT c${i} AS v, n FROM ${id} WHERE g${i} = 0 AND ${present}`;
    }
  };
}

// src/drift/profile-relation.ts
var BATCH = 2e3;
async function profileRelation(engine, profile, column, table2) {
  const info = profile.columns.find((c) => c.name === column);
  const numeric = info.kind === "numerical";
  const pairs2 = info.values ?? countSample(info.sample.values);
  await engine.query(`CREATE OR REPLACE TEMP TABLE "${table2}" (v ${numeric ? "DOUBLE" : "VARCHAR"}, n BIGINT)`);
  for (let i = 0; i < pairs2.length; i += BATCH) {
    const rows = pairs2.slice(i, i + BATCH).map(([v, n]) => `(${numeric ? Number(v).toPrecision(17) : quoteLiteral(String(v))}, ${n})`);
    await engine.query(`INSERT INTO "${table2}" VALUES ${rows.join(", ")}`);
  }
  const std = numeric && info.m2 !== null && info.count > 0 ? Math.sqrt(info.m2 / info.count) : void 0;
  return { sql: `SELECT v, n FROM "${table2}"`, rows: info.count, std, basis: info.values ? "profile" : "sample" };
}
function countSample(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const value2 of values) counts.set(value2, (counts.get(value2) ?? 0) + 1);
  return [...counts.entries()];
}

// src/drift/select.ts
function autoMethod(facts) {
  if (facts.referenceRows <= 1e3) {
    if (facts.kind === "numerical" && facts.distinct > 5) return "ks";
    return facts.distinct > 2 ? "chisquare" : "z";
  }
  if (facts.kind === "numerical" && facts.distinct > 5) return "wasserstein";
  return "jensenshannon";
}

// src/drift/verdict.ts
function verdict(rule, statistic, pValue, threshold) {
  if (rule === "p<=") return pValue !== null && pValue <= threshold;
  if (rule === "p<") return pValue !== null && pValue < threshold;
  return statistic !== null && statistic >= threshold;
}

// src/drift/detect.ts
async function columnInfo(engine, request) {
  const reference = request.reference.kind === "data" ? (await engine.columns(request.reference.table, request.reference.data)).map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type) })) : request.reference.profile.columns.map((c) => ({ name: c.name, type: c.type, kind: c.kind }));
  const current = (await engine.columns(request.current.table, request.current.data)).map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type) }));
  const names = [...reference.map((c) => c.name), ...current.map((c) => c.name).filter((name) => !reference.some((c) => c.name === name))];
  const infos = names.map((name) => {
    const r = reference.find((c2) => c2.name === name);
    const c = current.find((col) => col.name === name);
    return { name, ...r ? { reference: { type: r.type, kind: r.kind } } : {}, ...c ? { current: { type: c.type, kind: c.kind } } : {} };
  });
  if (!request.columns) return infos;
  const unknown = request.columns.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new UsageError(`column "${unknown[0]}" is in neither the reference nor the current data; they have: ${names.join(", ")}`);
  return request.columns.map((name) => infos.find((info) => info.name === name));
}
function untested(info, status, note, rows) {
  return {
    column: info.name,
    kind: info.reference?.kind ?? info.current?.kind ?? "other",
    method: null,
    statistic: null,
    pValue: null,
    threshold: null,
    rule: null,
    drifted: false,
    referenceRows: rows.reference,
    currentRows: rows.current,
    status,
    basis: null,
    description: null,
    note
  };
}
function planColumn(info) {
  const noRows = { reference: 0, current: 0 };
  if (!info.reference) return untested(info, "missing_in_reference", "not in the reference data", noRows);
  if (!info.current) return untested(info, "missing_in_current", "not in the current data", noRows);
  const kind = info.reference.kind;
  if (kind !== "numerical" && kind !== "categorical") {
    return untested(info, "skipped", `${info.reference.type} columns are not tested for drift (as in Evidently)`, noRows);
  }
  return kind === "numerical" && info.current.kind !== "numerical" ? "categorical" : kind;
}
async function testColumn(engine, request, sides, info, testedKind, index) {
  const reference = request.reference.kind === "data" ? { sql: sides.reference.relation(info.name), rows: void 0, std: void 0, basis: "data" } : await profileRelation(engine, request.reference.profile, info.name, `drift_profile_${index}`);
  const evidence = await duckdbEvidence(engine, {
    kind: testedKind,
    reference: reference.sql,
    current: sides.current.relation(info.name),
    table: `drift_column_${index}`,
    ...reference.std !== void 0 ? { referenceStd: reference.std } : {}
  });
  const referenceRows = reference.rows ?? evidence.reference.rows;
  const rows = { reference: referenceRows, current: evidence.current.rows };
  if (evidence.reference.rows === 0 || evidence.current.rows === 0) {
    const side2 = evidence.reference.rows === 0 ? "reference" : "current";
    return untested(info, "empty", `no values in the ${side2} data (all null)`, rows);
  }
  const method = request.methods[info.name] ?? autoMethod({ kind: testedKind, referenceRows, distinct: evidence.distinct });
  const test = DRIFT_TESTS[method];
  if (!test.kinds.includes(testedKind)) {
    throw new UsageError(`method ${method} for column "${info.name}" needs a ${test.kinds.join(" or ")} column; "${info.name}" is ${testedKind}`);
  }
  const threshold = request.thresholds[info.name] ?? test.defaultThreshold;
  const outcome = await test.run(evidence);
  const distribution = outcome.distribution ?? await chartDistribution(evidence);
  await engine.query(`DROP TABLE IF EXISTS drift_column_${index}`);
  const basisNote = reference.basis === "sample" ? `reference: a reservoir sample of ${evidence.reference.rows} of ${referenceRows} values` : void 0;
  const note = [outcome.note, basisNote].filter(Boolean).join("; ");
  return {
    column: info.name,
    kind: testedKind,
    method,
    statistic: outcome.statistic,
    pValue: outcome.pValue,
    threshold,
    rule: test.rule,
    drifted: verdict(test.rule, outcome.statistic, outcome.pValue, threshold),
    referenceRows,
    currentRows: evidence.current.rows,
    status: "tested",
    basis: reference.basis,
    description: test.description,
    ...note ? { note } : {},
    distribution
  };
}
async function chartDistribution(evidence) {
  const binned = await binnedCounts(evidence);
  return { labels: binned.labels, ...shares(binned, evidence) };
}
function applyCorrection(columns, correction) {
  if (correction === "none") return;
  const withP = columns.filter((c) => c.status === "tested" && c.pValue !== null);
  const adjusted = adjustPValues(
    withP.map((c) => c.pValue),
    correction
  );
  withP.forEach((column, i) => {
    column.pValueAdjusted = adjusted[i];
    column.drifted = verdict(column.rule, column.statistic, adjusted[i], column.threshold);
  });
}
async function detectDrift(engine, request) {
  const infos = await columnInfo(engine, request);
  const planned = infos.map(planColumn);
  const plan = infos.flatMap((info, i) => typeof planned[i] === "string" ? [{ name: info.name, kind: planned[i] }] : []);
  const sides = {
    reference: request.reference.kind === "data" ? await groupSide(engine, request.reference.table, plan, "drift_reference_counts") : void 0,
    current: await groupSide(engine, request.current.table, plan, "drift_current_counts")
  };
  const columns = [];
  for (const [index, info] of infos.entries()) {
    const kind = planned[index];
    columns.push(typeof kind === "string" ? await testColumn(engine, request, sides, info, kind, index) : kind);
  }
  applyCorrection(columns, request.correction);
  const tested = columns.filter((c) => c.status === "tested").length;
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share2 = tested === 0 ? 0 : driftedColumns / tested;
  const referenceRows = request.reference.kind === "profile" ? request.reference.profile.rows : sides.reference.rows;
  return {
    drifted: tested > 0 && share2 >= request.driftShare,
    share: share2,
    driftShare: request.driftShare,
    correction: request.correction,
    reference: { source: request.reference.source, kind: request.reference.kind, rows: referenceRows },
    current: { source: request.current.source, rows: sides.current.rows },
    tested,
    driftedColumns,
    columns
  };
}

// src/drift/run-drift.ts
async function load(engine, name, source) {
  await engine.query(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${readerSql(source)}`, source);
  return name;
}
async function referenceSide(engine, { paths: reference, root }) {
  const single = Array.isArray(reference) ? reference.length === 1 ? reference[0] : void 0 : reference;
  if (single !== void 0 && await looksLikeProfile(path20.resolve(root, single))) {
    return { kind: "profile", profile: await readProfile(path20.resolve(root, single), single), source: single };
  }
  const source = await resolveSource(reference, root);
  return { kind: "data", table: await load(engine, "drift_reference", source), source: source.display, data: source };
}
async function runDrift(request) {
  const engine = await DataEngine.open(request.threads ? { threads: request.threads } : {});
  try {
    const currentSource = await resolveSource(request.current.paths, request.current.root);
    const reference = await referenceSide(engine, request.reference);
    const current = { table: await load(engine, "drift_current", currentSource), source: currentSource.display, data: currentSource };
    return await detectDrift(engine, {
      reference,
      current,
      ...request.columns ? { columns: request.columns } : {},
      methods: request.methods,
      thresholds: request.thresholds,
      driftShare: request.driftShare,
      correction: request.correction
    });
  } finally {
    engine.close();
  }
}

// src/github/upload-artifact.ts
async function uploadArtifact(upload, env) {
  if (!env.ACTIONS_RUNTIME_TOKEN) throw new UsageError(`--artifact ${upload.name}: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)`);
  const { DefaultArtifactClient } = await import("./artifact-2UMZXVNW.js");
  const response = await new DefaultArtifactClient().uploadArtifact(upload.name, upload.files, upload.rootDirectory);
  return response.id;
}

// src/report/drift-report.ts
var BUDGET = 6e4;
var CHARTS = 3;
var CHART_BINS = 12;
function severity(column) {
  if (column.status !== "tested" || column.threshold === null) return -1;
  if (column.rule === ">=") return column.threshold === 0 ? Infinity : (column.statistic ?? Infinity) / column.threshold;
  const p = column.pValueAdjusted ?? column.pValue ?? 1;
  return column.threshold / Math.max(p, 1e-300);
}
function number(value2) {
  if (value2 === null || value2 === void 0) return "\u2014";
  if (value2 !== 0 && Math.abs(value2) < 1e-4) return value2.toExponential(2);
  return formatNumber(value2);
}
function verdictText(column) {
  if (column.status !== "tested") return column.note ?? column.status;
  return column.drifted ? "**drift**" : "no drift";
}
function row(column) {
  const p = column.pValueAdjusted !== void 0 ? `${number(column.pValue)} (adj. ${number(column.pValueAdjusted)})` : number(column.pValue);
  const rule = column.rule === null ? "" : column.rule === ">=" ? "\u2265 " : column.rule === "p<" ? "p < " : "p \u2264 ";
  const cells = [column.column, column.kind, column.method ?? "\u2014", number(column.statistic), p, column.threshold === null ? "\u2014" : `${rule}${number(column.threshold)}`, verdictText(column)];
  return `| ${cells.map((cell3) => String(cell3).replace(/\|/g, "\\|")).join(" | ")} |`;
}
function topBins(distribution) {
  if (distribution.labels.length <= CHART_BINS) return distribution;
  const order = distribution.labels.map((_, i) => i).sort((a, b) => distribution.reference[b] + distribution.current[b] - (distribution.reference[a] + distribution.current[a]));
  const keep = order.slice(0, CHART_BINS - 1).sort((a, b) => a - b);
  const rest = order.slice(CHART_BINS - 1);
  const sum = (values) => rest.reduce((total, i) => total + values[i], 0);
  return {
    labels: [...keep.map((i) => distribution.labels[i]), "other"],
    reference: [...keep.map((i) => distribution.reference[i]), sum(distribution.reference)],
    current: [...keep.map((i) => distribution.current[i]), sum(distribution.current)]
  };
}
function chart(column) {
  const d = topBins(column.distribution);
  const table2 = ["| bin | reference | current |", "| --- | ---: | ---: |", ...d.labels.map((label, i) => `| ${label.replace(/\|/g, "\\|")} | ${(d.reference[i] * 100).toFixed(1)}% | ${(d.current[i] * 100).toFixed(1)}% |`)];
  return [
    `### ${column.column}`,
    "",
    `${column.description ?? column.method}${column.note ? `; ${column.note}` : ""}. Bars: reference; line: current.`,
    "",
    referenceVsCurrentChart(`${column.column}: reference vs current`, d.labels, d.reference, d.current),
    "",
    ...table2
  ].join("\n");
}
function renderDriftReport(result) {
  const sorted = [...result.columns].sort((a, b) => severity(b) - severity(a));
  const headline2 = result.drifted ? "**Drift detected**" : "**No dataset drift**";
  const correction = result.correction === "none" ? "" : ` P-values corrected with ${result.correction}.`;
  const parts = [
    `# Data drift: ${result.current.source} against ${result.reference.source}`,
    "",
    `${headline2}: ${result.driftedColumns} of ${result.tested} tested columns drifted (share ${formatNumber(result.share)}; the dataset drifts at ${formatNumber(result.driftShare)}).${correction}`,
    `Reference: ${result.reference.rows.toLocaleString("en-US")} rows (${result.reference.kind}); current: ${result.current.rows.toLocaleString("en-US")} rows.`,
    "",
    "| column | kind | method | statistic | p-value | threshold | verdict |",
    "| --- | --- | --- | ---: | ---: | ---: | --- |"
  ];
  let length = parts.join("\n").length;
  let shown = 0;
  for (const column of sorted) {
    const line = row(column);
    if (length + line.length + 200 > BUDGET / 2) break;
    parts.push(line);
    length += line.length + 1;
    shown++;
  }
  if (shown < sorted.length) parts.push("", `\u2026 and ${sorted.length - shown} more columns, in drift.json.`);
  const charted = sorted.filter((c) => c.status === "tested" && c.distribution && c.distribution.labels.length > 0 && (c.drifted || !result.columns.some((d) => d.drifted))).slice(0, CHARTS);
  if (charted.length > 0) parts.push("", `## ${charted.some((c) => c.drifted) ? "Most drifted columns" : "Closest to drifting"}`);
  for (const column of charted) {
    const block = chart(column);
    if (length + block.length + 2 > BUDGET) break;
    parts.push("", block);
    length += block.length + 2;
  }
  return `${parts.join("\n")}
`;
}

// src/cli/commands/drift.ts
var collect = (value2, previous) => [...previous, value2];
async function modelContext(io, options) {
  const wanted = options.config !== void 0 || options.model !== void 0 || !options.reference || !options.current;
  if (!wanted) return void 0;
  if (options.config === void 0 && !existsSync(path21.resolve(io.cwd, DEFAULT_CONFIG_PATH))) return void 0;
  const loaded = await openConfig(io, options.config);
  const names = Object.keys(loaded.config.models);
  if (options.model !== void 0 && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; the config has: ${names.join(", ")}`);
  if (options.model === void 0 && names.length > 1) throw new UsageError(`the config has several models (${names.join(", ")}); choose one with --model`);
  const name = options.model ?? names[0];
  return { name, model: loaded.config.models[name], root: loaded.root };
}
function registerDrift(program2, io, setExit) {
  program2.command("drift").description("Compare current data with a reference (data or profile.json) column by column; exit 1 when the dataset drifted.").option("-r, --reference <data|profile.json>", "reference data (file, directory or glob) or a profile from trainyard profile").option("--current <data>", "current data (file, directory or glob)").option("--columns <a,b>", "test only these columns").option("--method <column=name>", "the test for a column (repeatable): ks, wasserstein, jensenshannon, psi, kl, hellinger, chisquare, z, linf", collect, []).option("--threshold <column=x>", "the threshold for a column (repeatable)", collect, []).option("--drift-share <x>", "the dataset drifts when this share of columns drifts (default 0.5)").option("--correction <name>", "multiple-testing correction: none, bonferroni, benjamini-hochberg").option("-c, --config <file>", `the trainyard config (default ${DEFAULT_CONFIG_PATH} when --reference or --current is missing)`).option("-m, --model <name>", "the model whose drift settings apply").option("--json", "print the result as JSON").option("--report <file.md>", "write the Markdown report here").option("-o, --out <drift.json>", "also write the JSON result to this file").option("--artifact <name>", "inside GitHub Actions, upload drift.json and drift.md as this artifact").action(async (options) => {
    if (options.artifact !== void 0 && !io.env.ACTIONS_RUNTIME_TOKEN) {
      throw new UsageError(`--artifact ${options.artifact}: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)`);
    }
    const context = await modelContext(io, options);
    const request = resolveDriftOptions(options, io.cwd, context);
    const result = await runDrift(request);
    const json = `${JSON.stringify(driftJson(result), null, 2)}
`;
    const report = renderDriftReport(result);
    for (const [file, text] of [
      [options.report, report],
      [options.out, json]
    ]) {
      if (!file) continue;
      const target = path21.resolve(io.cwd, file);
      await mkdir6(path21.dirname(target), { recursive: true });
      await writeFile5(target, text);
    }
    if (options.artifact !== void 0) {
      const folder = await mkdtemp(path21.join(tmpdir(), "trainyard-drift-"));
      await writeFile5(path21.join(folder, "drift.json"), json);
      await writeFile5(path21.join(folder, "drift.md"), report);
      const files = ["drift.json", "drift.md"].map((file) => path21.join(folder, file));
      await uploadArtifact({ name: options.artifact, files, rootDirectory: folder }, io.env);
    }
    if (options.json) io.stdout(json);
    else {
      io.stdout(report);
      io.stdout(`
${result.drifted ? "Drift" : "No drift"}: ${result.driftedColumns} of ${result.tested} columns (share ${formatNumber(result.share)}, threshold ${formatNumber(result.driftShare)}).
`);
    }
    setExit(result.drifted ? 1 : 0);
  });
}

// src/cli/commands/profile.ts
import { mkdir as mkdir7, writeFile as writeFile6 } from "node:fs/promises";
import path22 from "node:path";

// src/profile/grid.ts
function binsNeeded(min, max2, width) {
  return Math.floor(max2 / width) - Math.floor(min / width) + 1;
}
function gridWidth(min, max2) {
  const magnitude = Math.max(Math.abs(min), Math.abs(max2));
  const finest = magnitude > 0 ? Math.max(Math.floor(Math.log2(magnitude)) - 52, -1074) : -1074;
  let exponent = Math.max(finest, Math.floor(Math.log2(Math.max((max2 - min) / MAX_BINS, Number.MIN_VALUE))));
  while (exponent - 1 >= finest && binsNeeded(min, max2, 2 ** (exponent - 1)) <= MAX_BINS) exponent--;
  while (binsNeeded(min, max2, 2 ** exponent) > MAX_BINS) exponent++;
  return 2 ** exponent;
}
function coarsen(histogram2, width) {
  const factor = width / histogram2.width;
  const start = Math.floor(histogram2.start / factor);
  const counts = [];
  histogram2.counts.forEach((count2, i) => {
    const bin = Math.floor((histogram2.start + i) / factor) - start;
    counts[bin] = (counts[bin] ?? 0) + count2;
  });
  return { width, start, counts: Array.from(counts, (count2) => count2 ?? 0) };
}
function mergeHistograms(a, b, min, max2) {
  let width = Math.max(a.width, b.width);
  while (binsNeeded(min, max2, width) > MAX_BINS) width *= 2;
  const left = coarsen(a, width);
  const right = coarsen(b, width);
  const start = Math.min(left.start, right.start);
  const end = Math.max(left.start + left.counts.length, right.start + right.counts.length);
  const counts = new Array(end - start).fill(0);
  for (const part of [left, right]) part.counts.forEach((count2, i) => counts[part.start - start + i] += count2);
  return { width, start, counts };
}

// src/profile/reservoir.ts
function randomSource(seed2) {
  let state = seed2 >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffled(values, random) {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
function mergeReservoirs(a, b, size, random) {
  const left = shuffled(a.values, random);
  const right = shuffled(b.values, random);
  let restA = a.seen;
  let restB = b.seen;
  const values = [];
  while (values.length < size && (left.length > 0 || right.length > 0)) {
    const fromA = right.length === 0 || left.length > 0 && random() * (restA + restB) < restA;
    values.push((fromA ? left : right).pop());
    if (fromA) restA--;
    else restB--;
  }
  return { seen: a.seen + b.seen, values };
}

// src/profile/merge.ts
var lessThan = (a, b) => typeof a === "number" && typeof b === "number" ? a < b : String(a) < String(b);
function pick(a, b, smaller) {
  if (a === null) return b;
  if (b === null) return a;
  return lessThan(a, b) === smaller ? a : b;
}
function mergeValues(a, b) {
  if (a === null || b === null) return null;
  const counts = /* @__PURE__ */ new Map();
  for (const [value2, count2] of [...a, ...b]) {
    const key = `${typeof value2}:${value2}`;
    const entry = counts.get(key);
    if (entry) entry[1] += count2;
    else counts.set(key, [value2, count2]);
  }
  if (counts.size > VALUE_CAP) return null;
  return [...counts.values()].sort(([x], [y]) => lessThan(x, y) ? -1 : lessThan(y, x) ? 1 : 0);
}
function absent(like, rows) {
  return { ...like, count: 0, nulls: rows, min: null, max: null, mean: null, m2: null, distinct: 0, values: [], histogram: null, sample: { seen: 0, values: [] } };
}
function mergeColumn(a, b, sampleSize, random) {
  if (a.kind !== b.kind) throw new DataError(`column "${a.name}" is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in another; expected the same type`);
  const count2 = a.count + b.count;
  let mean = null;
  let m2 = null;
  if (a.count === 0) [mean, m2] = [b.mean, b.m2];
  else if (b.count === 0) [mean, m2] = [a.mean, a.m2];
  else if (a.mean !== null && b.mean !== null && a.m2 !== null && b.m2 !== null) {
    const delta = b.mean - a.mean;
    mean = a.mean + delta * b.count / count2;
    m2 = a.m2 + b.m2 + delta * delta * a.count * b.count / count2;
  }
  const values = mergeValues(a.values, b.values);
  const min = pick(a.min, b.min, true);
  const max2 = pick(a.max, b.max, false);
  const histogram2 = a.histogram && b.histogram ? mergeHistograms(a.histogram, b.histogram, min, max2) : a.histogram ?? b.histogram;
  return {
    name: a.name,
    type: a.type,
    kind: a.kind,
    count: count2,
    nulls: a.nulls + b.nulls,
    min,
    max: max2,
    mean,
    m2,
    distinct: values === null ? null : values.length,
    values,
    histogram: histogram2,
    sample: mergeReservoirs(a.sample, b.sample, sampleSize, random)
  };
}
function mergeProfiles(profiles, seed2 = 42) {
  if (profiles.length === 0) throw new DataError("no profiles to merge");
  const random = randomSource(seed2);
  return profiles.reduce((a, b) => {
    const sampleSize = Math.max(a.sampleSize, b.sampleSize);
    const names = [...a.columns.map((c) => c.name), ...b.columns.map((c) => c.name).filter((n) => !a.columns.some((c) => c.name === n))];
    const columns = names.map((name) => {
      const left = a.columns.find((c) => c.name === name);
      const right = b.columns.find((c) => c.name === name);
      return mergeColumn(left ?? absent(right, a.rows), right ?? absent(left, b.rows), sampleSize, random);
    });
    return { ...a, source: `${a.source} + ${b.source}`, rows: a.rows + b.rows, sampleSize, columns };
  });
}

// src/profile/build.ts
var toNumber2 = (value2) => Number(value2 ?? 0);
async function histogram(engine, from, min, max2) {
  const width = gridWidth(min, max2);
  const start = Math.floor(min / width);
  const rows = await engine.query(`SELECT floor(v / ${width.toPrecision(17)})::BIGINT AS b, count(*) AS n FROM ${from} GROUP BY b`);
  const counts = new Array(Math.floor(max2 / width) - start + 1).fill(0);
  for (const row2 of rows) counts[toNumber2(row2.b) - start] = toNumber2(row2.n);
  return { width, start, counts };
}
async function profileColumn(engine, request, name, type) {
  const kind = kindOfType(type);
  const valueKind = kind === "numerical" ? "numerical" : "categorical";
  const all = `(SELECT ${valueSql(name, valueKind)} AS v FROM ${quoteIdentifier(request.table)})`;
  const present = `(SELECT v FROM ${all} WHERE ${presentSql(valueKind)})`;
  const numeric = kind === "numerical";
  const [facts] = await engine.query(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE ${presentSql(valueKind)}) AS n, min(v) FILTER (WHERE ${presentSql(valueKind)}) AS lo, max(v) FILTER (WHERE ${presentSql(valueKind)}) AS hi` + (numeric ? `, avg(v) FILTER (WHERE ${presentSql(valueKind)}) AS mean, var_pop(v) FILTER (WHERE ${presentSql(valueKind)}) AS var` : "") + ` FROM ${all}`
  );
  const count2 = toNumber2(facts?.n);
  const column = {
    name,
    type,
    kind,
    count: count2,
    nulls: toNumber2(facts?.rows) - count2,
    min: count2 > 0 ? numeric ? toNumber2(facts?.lo) : String(facts?.lo) : null,
    max: count2 > 0 ? numeric ? toNumber2(facts?.hi) : String(facts?.hi) : null,
    mean: numeric && count2 > 0 ? toNumber2(facts?.mean) : null,
    m2: numeric && count2 > 0 ? toNumber2(facts?.var) * count2 : null,
    distinct: 0,
    values: [],
    histogram: null,
    sample: { seen: count2, values: [] }
  };
  if (kind === "datetime" || kind === "other" || count2 === 0) {
    column.distinct = count2 === 0 ? 0 : null;
    column.values = count2 === 0 ? [] : null;
    return column;
  }
  const values = await engine.query(`SELECT v, count(*) AS n FROM ${present} GROUP BY v ORDER BY v LIMIT ${VALUE_CAP + 1}`);
  const convert = (value2) => numeric ? toNumber2(value2) : String(value2);
  if (values.length <= VALUE_CAP) {
    column.values = values.map((row2) => [convert(row2.v), toNumber2(row2.n)]);
    column.distinct = values.length;
  } else {
    column.values = null;
    column.distinct = null;
  }
  if (numeric) column.histogram = await histogram(engine, present, column.min, column.max);
  const sample = await engine.query(`SELECT v FROM ${present} USING SAMPLE reservoir(${request.sampleSize} ROWS) REPEATABLE (${request.seed})`);
  column.sample.values = sample.map((row2) => convert(row2.v));
  return column;
}
async function buildProfile(engine, request) {
  const columns = await engine.columns(request.table);
  const [rows] = await engine.query(`SELECT count(*) AS n FROM ${quoteIdentifier(request.table)}`);
  const profiled = [];
  for (const column of columns) profiled.push(await profileColumn(engine, request, column.name, column.type));
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, source: request.source, rows: toNumber2(rows?.n), sampleSize: request.sampleSize, columns: profiled };
}

// src/profile/profile-data.ts
async function profileData(request) {
  const source = await resolveSource(request.paths, request.root);
  const engine = await DataEngine.open();
  try {
    await engine.register("profile_source", source);
    const table2 = source.format === "parquet" ? "profile_source" : "profile_rows";
    if (table2 === "profile_rows") await engine.query("CREATE TEMP TABLE profile_rows AS SELECT * FROM profile_source");
    return await buildProfile(engine, { table: table2, source: source.display, sampleSize: request.sampleSize, seed: request.seed });
  } finally {
    engine.close();
  }
}

// src/cli/commands/profile.ts
function positiveInteger(value2, option) {
  const parsed = Number(value2);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1e6) throw new UsageError(`${option} ${value2}: expected an integer from 1 to 1000000`);
  return parsed;
}
async function write(io, out, profile) {
  const target = path22.resolve(io.cwd, out);
  await mkdir7(path22.dirname(target), { recursive: true });
  await writeFile6(target, `${JSON.stringify(profile)}
`);
  const columns = profile.columns.length;
  io.stdout(`Profiled ${profile.rows.toLocaleString("en-US")} rows, ${columns} column${columns === 1 ? "" : "s"} of ${profile.source} into ${out}
`);
}
function registerProfile(program2, io, setExit) {
  const profile = program2.command("profile").description("Write a mergeable data profile (profile.json): counts, ranges, moments, value counts, histograms and a reservoir sample per column.").option("-d, --data <data>", "the data: a file, a directory or a glob").option("-o, --out <file>", "where to write the profile", "profile.json").option("--sample-size <n>", "values kept per column in the reservoir sample", String(DEFAULT_SAMPLE_SIZE)).option("--seed <n>", "seed of the reservoir sample", "42").action(async (options) => {
    if (!options.data) throw new UsageError("profile: expected --data <file|directory|glob>");
    const result = await profileData({
      paths: options.data,
      root: io.cwd,
      sampleSize: positiveInteger(options.sampleSize, "--sample-size"),
      seed: positiveInteger(options.seed, "--seed")
    });
    await write(io, options.out, result);
    setExit(0);
  });
  profile.command("merge").description("Merge profiles of shards into the profile of the whole.").argument("<profiles...>", "profile.json files to merge").option("-o, --out <file>", "where to write the merged profile", "profile.json").option("--seed <n>", "seed of the sample merge", "42").action(async (files, options) => {
    const profiles = [];
    for (const file of files) profiles.push(await readProfile(path22.resolve(io.cwd, file), file));
    await write(io, options.out, mergeProfiles(profiles, positiveInteger(options.seed, "--seed")));
    setExit(0);
  });
}

// src/cli/commands/evaluate.ts
import path23 from "node:path";

// src/report/evaluation-report.ts
function segmentTable(result) {
  if (!result.slices) return [];
  const names = TASK_METRICS[result.task];
  const lines = [`### By ${result.slices.column}`, "", `| ${result.slices.column} | rows | ${names.join(" | ")} |`, `| --- | ---: | ${names.map(() => "---:").join(" | ")} |`];
  for (const segment of result.slices.segments) {
    const values = names.map((name) => segment.metrics[name] === void 0 ? "\u2014" : formatNumber(segment.metrics[name]));
    lines.push(`| ${segment.segment.replace(/\|/g, "\\|")} | ${segment.rows.toLocaleString("en-US")} | ${values.join(" | ")} |`);
  }
  return ["", ...lines];
}
function renderEvaluation(result, source) {
  const lines = [`## Evaluation of ${source}`, "", `${result.rows.toLocaleString("en-US")} rows, ${result.task}.`, "", "| metric | value |", "| --- | ---: |"];
  for (const [name, value2] of Object.entries(result.metrics)) lines.push(`| ${name} | ${formatNumber(value2)} |`);
  for (const missing of result.undefined) lines.push(`| ${missing.name} | \u2014 (${missing.reason}) |`);
  if (result.confusionMatrix) {
    const [[tn, fp], [fn, tp]] = result.confusionMatrix;
    lines.push("", "| confusion | predicted 0 | predicted 1 |", "| --- | ---: | ---: |", `| label 0 | ${formatNumber(tn)} | ${formatNumber(fp)} |`, `| label 1 | ${formatNumber(fn)} | ${formatNumber(tp)} |`);
  }
  lines.push(...segmentTable(result));
  return `${lines.join("\n")}
`;
}

// src/cli/commands/evaluate.ts
function registerEvaluate(program2, io, setExit) {
  program2.command("evaluate").description("Compute metrics from a predictions file (CSV, TSV, Parquet, JSON), overall and per segment.").requiredOption("-p, --predictions <file>", "the predictions: a file, directory or glob").option("-t, --task <task>", `the kind of model: ${TASKS.join(", ")} (default: the model's task in --config)`).option("-c, --config <file>", "a trainyard config to take the task from, when --task is not given").option("-m, --model <name>", "the model of --config (when it has several)").option("--label <column>", "the true label or target column", "label").option("--score <column>", "binary: the positive-class score; multiclass: the prefix of the <prefix>_<class> probability columns", "score").option("--prediction <column>", "the predicted class or value (binary default: score >= threshold)").option("--threshold <number>", "binary: the score from which a row is predicted positive", "0.5").option("--slice-by <column>", "also compute every metric per value of this column").option("--data <file>", "the evaluation data holding the --slice-by column, joined on --id").option("--id <column>", "the row id shared by predictions and --data", "id").option("--json", "print the full result as JSON").option("-o, --out <file>", "write the metrics to this file (.json, .yaml, .csv or .tsv)").action(async (options) => {
    let task;
    if (options.task) task = parseTask(options.task);
    else if (options.config) {
      const loaded = await loadPolicy(path23.resolve(io.cwd, options.config), options.config, options.model);
      if (!loaded.task) throw new UsageError(`${options.config}: not a trainyard config (no models); give --task`);
      task = loaded.task;
    } else throw new UsageError(`expected --task ${TASKS.join("|")} (or --config with the model)`);
    if (options.data && !options.sliceBy) throw new UsageError("--data is only used with --slice-by; add --slice-by <column>");
    const result = await evaluateStage({
      predictions: options.predictions,
      cwd: io.cwd,
      columns: {
        task,
        ...options.label ? { label: options.label } : {},
        ...options.score ? { score: options.score } : {},
        ...options.prediction ? { prediction: options.prediction } : {},
        threshold: parseNumberOption("--threshold", options.threshold ?? "0.5")
      },
      ...options.sliceBy ? { slice: { column: options.sliceBy, ...options.data ? { data: options.data } : {}, ...options.id ? { id: options.id } : {} } } : {}
    });
    if (options.out) {
      const file = path23.resolve(io.cwd, options.out);
      await writeFileAtomic(file, renderMetrics(result.metrics, file));
    }
    io.stdout(options.json ? `${JSON.stringify(result, null, 2)}
` : renderEvaluation(result, options.predictions));
    setExit(0);
  });
}

// src/cli/commands/run.ts
import path33 from "node:path";

// src/run/pipeline.ts
import { mkdir as mkdir10, writeFile as writeFile11 } from "node:fs/promises";
import path32 from "node:path";

// src/run/model-run.ts
import { readdir as readdir8, writeFile as writeFile10 } from "node:fs/promises";
import path31 from "node:path";

// src/drift/stage.ts
import { writeFile as writeFile7 } from "node:fs/promises";
import path24 from "node:path";
async function driftStage(request) {
  const { model, name, root } = request;
  if (!model.drift?.current && !model.data.production) {
    return { result: null, summary: `drift: skipped, ${name} has no drift.current or data.production`, files: [] };
  }
  const options = resolveDriftOptions({ method: [], threshold: [] }, root, { name, model, root });
  const result = await runDrift(options);
  const json = path24.join(request.outputDir, "drift.json");
  const report = path24.join(request.outputDir, "drift.md");
  await writeFile7(json, `${JSON.stringify(driftJson(result), null, 2)}
`);
  await writeFile7(report, renderDriftReport(result));
  const verdict2 = result.drifted ? "DRIFT" : "no dataset drift";
  const drifted = result.columns.filter((c) => c.drifted).map((c) => c.column);
  const which = drifted.length > 0 ? ` (${drifted.join(", ")})` : "";
  const summary = `drift: ${verdict2}, ${result.driftedColumns} of ${result.tested} columns${which}; share ${formatNumber(result.share)}, threshold ${formatNumber(result.driftShare)}; ${result.current.source} against ${result.reference.source}`;
  return { result, summary, files: [json, report] };
}

// src/registry/stage.ts
async function registerAndPromote(request) {
  const { model } = request;
  const content = await collectVersionContent({ outputDir: request.outputDir, metricsFile: model.metrics.file, predictionsFile: model.metrics.predictions });
  const version = await request.registry.register({
    model: request.name,
    content,
    text: { task: model.task, description: model.description ?? null, intendedUse: model.card?.intended_use ?? null, limitations: model.card?.limitations ?? null },
    commit: content.lineage?.commit ?? null,
    runUrl: request.runUrl,
    ...request.onProgress ? { onProgress: request.onProgress } : {}
  });
  const environment = model.promotion?.environment ?? "production";
  if (!request.gate?.passed) return { version, environment, promotion: null };
  const promotion = await request.registry.promote({
    model: request.name,
    version: version.version,
    environment,
    decision: "approved",
    approvers: request.approvers ?? [],
    gate: request.gate,
    reason: "the candidate passed the metric policy against the champion",
    runUrl: request.runUrl,
    actor: request.actor
  });
  return { version, environment, promotion };
}

// src/train/train-model.ts
import { mkdir as mkdir9, stat as stat7, writeFile as writeFile9 } from "node:fs/promises";
import path26 from "node:path";

// src/runner/gpu-lineage.ts
function gpuLineage(report) {
  return {
    model: report.visible[0]?.name ?? null,
    count: report.visible.length,
    driver: report.inventory?.driverVersion ?? null,
    cuda: report.inventory?.cudaVersion ?? null,
    devices: report.visible.map((device) => ({ index: device.index, name: device.name, uuid: device.uuid, memoryTotalMb: device.memoryTotalMb }))
  };
}

// src/runner/nvidia-smi-process.ts
import { spawn as spawn2 } from "node:child_process";
import { readFile as readFile10 } from "node:fs/promises";
var STDERR_KEEP = 4096;
function processNvidiaSmi(options) {
  const binary = options.binary ?? "nvidia-smi";
  return {
    run: (args, { timeoutMs }) => runOnce(binary, args, options.env, timeoutMs),
    sample: (args, onLine) => startSampler(binary, args, options.env, onLine)
  };
}
function runOnce(binary, args, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn2(binary, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk) => stdout += chunk.toString("utf8"));
    child.stderr.on("data", (chunk) => stderr += chunk.toString("utf8"));
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr: stderr || error.message, failure: error.code === "ENOENT" ? "not-found" : null });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: timedOut ? null : code, stdout, stderr, failure: timedOut ? "timeout" : null });
    });
  });
}
async function procCpuSeconds(pid) {
  if (pid === void 0) return null;
  const stat10 = await readFile10(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat10 === null) return null;
  const fields = stat10.slice(stat10.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}
function startSampler(binary, args, env, onLine) {
  const child = spawn2(binary, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let pending = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(line.replace(/\r$/, ""));
  });
  child.stderr.on("data", (chunk) => stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_KEEP));
  const exited = new Promise((resolve) => {
    child.once("error", (error) => resolve({ exitCode: null, signal: null, stderr: error.message }));
    child.once("close", (code, signal) => {
      if (pending.trim()) onLine(pending);
      pending = "";
      resolve({ exitCode: code, signal, stderr });
    });
  });
  return {
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    cpuSeconds: () => procCpuSeconds(child.pid)
  };
}

// src/runner/gpu-inventory.ts
var PREFLIGHT_FIELDS = [
  "index",
  "uuid",
  "name",
  "driver_version",
  "pci.bus_id",
  "memory.total",
  "memory.used",
  "memory.free",
  "utilization.gpu",
  "utilization.memory",
  "power.draw",
  "power.limit",
  "temperature.gpu",
  "clocks.sm",
  "compute_cap"
];
function csvNumber(field) {
  const text = (field ?? "").trim();
  if (text === "" || text.startsWith("[")) return null;
  const value2 = Number(text);
  return Number.isFinite(value2) ? value2 : null;
}
function parseGpuQuery(csv) {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.map((line, at2) => {
    const f = line.split(",").map((field) => field.trim());
    if (f.length !== PREFLIGHT_FIELDS.length) {
      throw new Error(`nvidia-smi --query-gpu line ${at2 + 1} has ${f.length} fields; expected ${PREFLIGHT_FIELDS.length} (${PREFLIGHT_FIELDS.join(",")})`);
    }
    return {
      index: csvNumber(f[0]) ?? at2,
      uuid: f[1],
      name: f[2],
      driverVersion: f[3],
      busId: f[4],
      memoryTotalMb: csvNumber(f[5]),
      memoryUsedMb: csvNumber(f[6]),
      memoryFreeMb: csvNumber(f[7]),
      utilizationPct: csvNumber(f[8]),
      powerDrawW: csvNumber(f[10]),
      powerLimitW: csvNumber(f[11]),
      temperatureC: csvNumber(f[12]),
      computeCapability: f[14]
    };
  });
}
function parseBanner(text) {
  return {
    driverVersion: /Driver Version:\s*([0-9.]+)/.exec(text)?.[1] ?? null,
    cudaVersion: /CUDA Version:\s*([0-9.]+)/.exec(text)?.[1] ?? null
  };
}

// src/runner/visible-devices.ts
function visibleDevices(devices, cudaVisibleDevices) {
  if (cudaVisibleDevices === void 0) return devices;
  const visible = [];
  for (const raw of cudaVisibleDevices.split(",")) {
    const token = raw.trim();
    const device = /^\d+$/.test(token) ? devices.find((candidate) => candidate.index === Number(token)) : token.length > 0 ? devices.find((candidate) => candidate.uuid.startsWith(token)) : void 0;
    if (!device || visible.includes(device)) break;
    visible.push(device);
  }
  return visible;
}

// src/runner/preflight.ts
var NO_DRIVER = /couldn't communicate with the NVIDIA driver|NVIDIA driver is not loaded|Failed to initialize NVML|Driver\/library version mismatch/i;
function diagnoseToolFailure(run2) {
  const said = (run2.stderr || run2.stdout).trim().split("\n")[0] ?? "";
  if (run2.failure === "not-found" || run2.exitCode === 127) {
    return {
      code: "no-tool",
      diagnosis: "nvidia-smi is not on PATH: this runner has no NVIDIA driver installed, or the container was started without the NVIDIA runtime",
      fix: "run the job on a GPU runner (runs-on labels in training.runs_on), install the NVIDIA driver, or start the container with the NVIDIA Container Toolkit (docker --gpus all; on Kubernetes a nvidia.com/gpu limit)"
    };
  }
  if (run2.failure === "timeout") {
    return {
      code: "timeout",
      diagnosis: "nvidia-smi did not answer in time: the driver is hung or a GPU has fallen off the bus",
      fix: "check `dmesg` for Xid errors on the runner, drain it and reboot the node; the job can retry on another runner"
    };
  }
  if (NO_DRIVER.test(said)) {
    return {
      code: "no-driver",
      diagnosis: `nvidia-smi cannot reach the NVIDIA driver (exit ${run2.exitCode}): "${said}"`,
      fix: "load or reinstall the NVIDIA kernel driver (a driver/library mismatch after an upgrade needs a reboot); in a container, the host driver must be mounted by the NVIDIA runtime"
    };
  }
  return {
    code: "tool-failed",
    diagnosis: `nvidia-smi exited with status ${run2.exitCode}: "${said}"`,
    fix: "run `nvidia-smi` on the runner by hand to see the error; a non-zero exit usually means a driver or permission problem"
  };
}
function describe2(device) {
  return `GPU ${device.index} (${device.name})`;
}
function judgeInventory(inventory, requirement) {
  const visible = visibleDevices(inventory.devices, requirement.cudaVisibleDevices);
  const report = (problem) => ({ ok: problem === null, requirement, inventory, visible, problem });
  const all = inventory.devices.length;
  if (visible.length === 0) {
    const hidden = requirement.cudaVisibleDevices !== void 0 && all > 0;
    return report({
      code: "no-visible-gpu",
      diagnosis: hidden ? `CUDA_VISIBLE_DEVICES="${requirement.cudaVisibleDevices}" hides all ${all} GPU(s) of this machine (${inventory.devices.map(describe2).join(", ")})` : "the NVIDIA driver is loaded but reports no GPU",
      fix: hidden ? "unset CUDA_VISIBLE_DEVICES or set it to GPU indices or UUIDs that `nvidia-smi -L` lists" : "check that the GPU is passed through to this machine or pod (a nvidia.com/gpu limit on Kubernetes, --gpus on Docker)"
    });
  }
  const min = requirement.minFreeMemoryMb;
  const usable = min === null ? visible : visible.filter((device) => (device.memoryFreeMb ?? 0) >= min);
  if (visible.length < requirement.gpus) {
    return report({
      code: "too-few-gpus",
      diagnosis: `training.gpus is ${requirement.gpus} but ${visible.length} GPU(s) are visible: ${visible.map(describe2).join(", ")}`,
      fix: `run on a runner with ${requirement.gpus} GPUs (a runner label for that pool in training.runs_on, or a nvidia.com/gpu limit of ${requirement.gpus} in the runner scale set), or lower training.gpus`
    });
  }
  if (min !== null && usable.length < requirement.gpus) {
    const short = visible.filter((device) => !usable.includes(device));
    return report({
      code: "low-memory",
      diagnosis: `training.min_gpu_memory_mb is ${min} but ${short.map((device) => `${describe2(device)} has ${device.memoryFreeMb ?? "unknown"} MiB free of ${device.memoryTotalMb ?? "unknown"}`).join("; ")}`,
      fix: "another process holds GPU memory (see `nvidia-smi`): use ephemeral runners so no job outlives its run, wait for it to end, or lower training.min_gpu_memory_mb"
    });
  }
  return report(null);
}
async function runPreflight(tool, requirement, timeoutMs = 15e3) {
  const failed = (run2) => ({ ok: false, requirement, inventory: null, visible: [], problem: diagnoseToolFailure(run2) });
  const banner = await tool.run([], { timeoutMs });
  if (banner.exitCode !== 0) return failed(banner);
  const query = await tool.run([`--query-gpu=${PREFLIGHT_FIELDS.join(",")}`, "--format=csv,noheader,nounits"], { timeoutMs });
  if (query.exitCode !== 0) return failed(query);
  let devices;
  try {
    devices = parseGpuQuery(query.stdout);
  } catch (error) {
    const problem = {
      code: "tool-failed",
      diagnosis: `nvidia-smi answered in an unexpected format: ${error.message}`,
      fix: "the driver may be too old for these query fields; `nvidia-smi --help-query-gpu` lists the ones it knows"
    };
    return { ok: false, requirement, inventory: null, visible: [], problem };
  }
  const versions = parseBanner(banner.stdout);
  const inventory = { driverVersion: versions.driverVersion ?? devices[0]?.driverVersion ?? null, cudaVersion: versions.cudaVersion, devices };
  return judgeInventory(inventory, requirement);
}

// src/runner/preflight-error.ts
var PreflightError = class extends TrainyardError {
  report;
  constructor(report) {
    const problem = report.problem;
    super(`GPU preflight failed: ${problem?.diagnosis ?? "unknown problem"}. Fix: ${problem?.fix ?? "run nvidia-smi on the runner"}`, { exitCode: 1 });
    this.report = report;
  }
};

// src/runner/telemetry-sampler.ts
import { createWriteStream as createWriteStream2 } from "node:fs";

// src/runner/telemetry-sample.ts
var TELEMETRY_FIELDS = [
  "timestamp",
  "index",
  "utilization.gpu",
  "utilization.memory",
  "memory.used",
  "memory.total",
  "power.draw",
  "temperature.gpu"
];
var TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
function parseSmiTimestamp(text) {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? "0").padEnd(3, "0")));
}
function parseTelemetryLine(line) {
  const f = line.split(",").map((field) => field.trim());
  if (f.length !== TELEMETRY_FIELDS.length) return null;
  const timeMs = parseSmiTimestamp(f[0]);
  const gpu = csvNumber(f[1]);
  if (timeMs === null || gpu === null) return null;
  return {
    timeMs,
    gpu,
    utilizationPct: csvNumber(f[2]),
    memoryUtilizationPct: csvNumber(f[3]),
    memoryUsedMb: csvNumber(f[4]),
    memoryTotalMb: csvNumber(f[5]),
    powerW: csvNumber(f[6]),
    temperatureC: csvNumber(f[7])
  };
}

// src/runner/telemetry-series.ts
var TelemetrySeries = class {
  constructor(maxPoints = 48) {
    this.maxPoints = maxPoints;
  }
  maxPoints;
  points = [];
  start = null;
  instant = null;
  bucket = null;
  bucketSize = 1;
  add(sample) {
    this.start ??= sample.timeMs;
    if (this.instant && this.instant.timeMs !== sample.timeMs) this.closeInstant();
    this.instant ??= { timeMs: sample.timeMs, util: [], memory: 0 };
    if (sample.utilizationPct !== null) this.instant.util.push(sample.utilizationPct);
    this.instant.memory += sample.memoryUsedMb ?? 0;
  }
  closeInstant() {
    const instant = this.instant;
    this.instant = null;
    if (!instant || this.start === null) return;
    const util = instant.util.length > 0 ? instant.util.reduce((a, b) => a + b, 0) / instant.util.length : 0;
    this.bucket ??= { t: (instant.timeMs - this.start) / 1e3, utilSum: 0, instants: 0, memory: 0 };
    this.bucket.utilSum += util;
    this.bucket.instants++;
    this.bucket.memory = Math.max(this.bucket.memory, instant.memory);
    if (this.bucket.instants === this.bucketSize) this.closeBucket();
  }
  closeBucket() {
    const bucket = this.bucket;
    this.bucket = null;
    if (!bucket) return;
    this.points.push({ t: bucket.t, utilizationPct: bucket.utilSum / bucket.instants, memoryUsedMb: bucket.memory });
    if (this.points.length >= 2 * this.maxPoints) {
      const merged = [];
      for (let i = 0; i < this.points.length; i += 2) {
        const a = this.points[i];
        const b = this.points[i + 1];
        merged.push({ t: a.t, utilizationPct: (a.utilizationPct + b.utilizationPct) / 2, memoryUsedMb: Math.max(a.memoryUsedMb, b.memoryUsedMb) });
      }
      this.points = merged;
      this.bucketSize *= 2;
    }
  }
  result() {
    this.closeInstant();
    const open3 = this.bucket ? [{ t: this.bucket.t, utilizationPct: this.bucket.utilSum / this.bucket.instants, memoryUsedMb: this.bucket.memory }] : [];
    return [...this.points, ...open3];
  }
};

// src/runner/telemetry-summary.ts
var max = (a, b) => b === null ? a : a === null ? b : Math.max(a, b);
var TelemetryAccumulator = class {
  constructor(intervalMs) {
    this.intervalMs = intervalMs;
  }
  intervalMs;
  gpus = /* @__PURE__ */ new Map();
  first = null;
  latest = null;
  count = 0;
  add(sample) {
    this.count++;
    this.first = this.first === null ? sample.timeMs : Math.min(this.first, sample.timeMs);
    this.latest = this.latest === null ? sample.timeMs : Math.max(this.latest, sample.timeMs);
    let acc = this.gpus.get(sample.gpu);
    if (!acc) {
      acc = { samples: 0, utilSum: 0, utilCount: 0, powerSum: 0, powerCount: 0, peakUtil: null, peakMemory: null, memoryTotal: null, peakPower: null, peakTemperature: null, energyJ: 0, last: null };
      this.gpus.set(sample.gpu, acc);
    }
    acc.samples++;
    if (sample.utilizationPct !== null) {
      acc.utilSum += sample.utilizationPct;
      acc.utilCount++;
    }
    acc.peakUtil = max(acc.peakUtil, sample.utilizationPct);
    acc.peakMemory = max(acc.peakMemory, sample.memoryUsedMb);
    acc.memoryTotal = max(acc.memoryTotal, sample.memoryTotalMb);
    acc.peakTemperature = max(acc.peakTemperature, sample.temperatureC);
    if (sample.powerW !== null) {
      acc.powerSum += sample.powerW;
      acc.powerCount++;
      acc.peakPower = max(acc.peakPower, sample.powerW);
      if (acc.last && sample.timeMs > acc.last.timeMs) acc.energyJ += (acc.last.powerW + sample.powerW) / 2 * ((sample.timeMs - acc.last.timeMs) / 1e3);
      acc.last = { timeMs: sample.timeMs, powerW: sample.powerW };
    }
  }
  summary() {
    const gpus = [...this.gpus.entries()].sort(([a], [b]) => a - b).map(([gpu, acc]) => ({
      gpu,
      samples: acc.samples,
      meanUtilizationPct: acc.utilCount > 0 ? acc.utilSum / acc.utilCount : null,
      peakUtilizationPct: acc.peakUtil,
      peakMemoryUsedMb: acc.peakMemory,
      memoryTotalMb: acc.memoryTotal,
      meanPowerW: acc.powerCount > 0 ? acc.powerSum / acc.powerCount : null,
      peakPowerW: acc.peakPower,
      energyJ: acc.energyJ,
      energyWh: acc.energyJ / 3600,
      peakTemperatureC: acc.peakTemperature
    }));
    const durationSeconds = this.first === null || this.latest === null ? 0 : (this.latest - this.first) / 1e3;
    return { intervalMs: this.intervalMs, samples: this.count, durationSeconds, gpus };
  }
};

// src/runner/telemetry-sampler.ts
var TELEMETRY_FILE = "telemetry.csv";
function telemetryArgs(intervalMs) {
  return [`--query-gpu=${TELEMETRY_FIELDS.join(",")}`, "--format=csv,noheader,nounits", "-lms", String(intervalMs)];
}
function startTelemetry(options) {
  const out = createWriteStream2(options.file, { flags: "w" });
  out.write(`${TELEMETRY_FIELDS.join(",")}
`);
  const accumulator = new TelemetryAccumulator(options.intervalMs);
  const series = new TelemetrySeries();
  let malformedLines = 0;
  const sampler = options.tool.sample(telemetryArgs(options.intervalMs), (line) => {
    const sample = parseTelemetryLine(line);
    if (!sample) {
      malformedLines++;
      return;
    }
    out.write(`${line.split(",").map((field) => field.trim()).join(",")}
`);
    accumulator.add(sample);
    series.add(sample);
  });
  return {
    stop: async () => {
      const cpuSeconds = await sampler.cpuSeconds();
      const exit = await sampler.stop();
      await new Promise((resolve) => out.end(resolve));
      return { summary: accumulator.summary(), series: series.result(), sampler: { ...exit, cpuSeconds, malformedLines } };
    }
  };
}

// src/train/hash-cache.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir8, readFile as readFile11, rename as rename4, writeFile as writeFile8 } from "node:fs/promises";
import path25 from "node:path";
var HASH_CACHE_FILE = path25.join(".trainyard", "hash-cache.json");
async function loadHashCache(file) {
  const text = await readFile11(file, "utf8").catch(() => null);
  if (text === null) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(text);
    if (parsed.version === 1 && parsed.files && typeof parsed.files === "object") return { version: 1, files: parsed.files };
  } catch {
  }
  return { version: 1, files: {} };
}
function cachedHash(cache, file, info) {
  const entry = cache.files[file];
  return entry && entry.bytes === info.size && entry.mtimeMs === info.mtimeMs ? entry.sha256 : null;
}
async function saveHashCache(file, cache) {
  await mkdir8(path25.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes2(4).toString("hex")}.tmp`;
  await writeFile8(temporary, `${JSON.stringify(cache)}
`);
  await rename4(temporary, file);
}

// src/train/lineage.ts
function buildLineage(facts) {
  const { outcome } = facts;
  return {
    schemaVersion: 1,
    model: facts.model,
    commit: facts.git.commit,
    dirty: facts.git.dirty,
    configSha256: facts.configSha256,
    data: facts.data,
    params: facts.params,
    seed: facts.seed,
    command: facts.command,
    start: outcome.startedAt.toISOString(),
    end: outcome.endedAt.toISOString(),
    durationSeconds: Math.round((outcome.endedAt.getTime() - outcome.startedAt.getTime()) / 10) / 100,
    exitStatus: outcome.exitCode,
    signal: outcome.signal,
    timedOut: outcome.timedOut,
    runner: facts.runner,
    versions: facts.versions,
    gpu: facts.gpu,
    telemetry: facts.telemetry
  };
}

// src/train/train-model.ts
var TrainingFailedError = class extends CommandError {
  record;
  constructor(message, options) {
    super(message, { exitCode: options.exitCode });
    this.record = options.record;
  }
};
function asList(value2) {
  if (value2 === void 0) return [];
  return Array.isArray(value2) ? value2 : [value2];
}
async function describeDataFiles(patterns, root, key) {
  const cacheFile = path26.join(root, HASH_CACHE_FILE);
  const cache = await loadHashCache(cacheFile);
  let changed = false;
  const facts = [];
  for (const pattern of patterns) {
    const files = await expandDataPath(pattern, root);
    if (files.length === 0) throw new DataError(`${key}: "${pattern}" matches no file under ${root}`);
    for (const file of files) {
      const info = await stat7(file);
      let sha256 = cachedHash(cache, file, info);
      if (sha256 === null) {
        sha256 = await sha256File(file);
        cache.files[file] = { bytes: info.size, mtimeMs: info.mtimeMs, sha256 };
        changed = true;
      }
      facts.push({ path: path26.relative(root, file).split(path26.sep).join("/"), bytes: info.size, sha256 });
    }
  }
  if (changed) await saveHashCache(cacheFile, cache);
  return facts;
}
async function preflightIfAsked(request, tool, env) {
  const { training } = request.model;
  if (training.gpus === 0) return null;
  const report = await runPreflight(tool, { gpus: training.gpus, minFreeMemoryMb: training.min_gpu_memory_mb ?? null, cudaVisibleDevices: env.CUDA_VISIBLE_DEVICES });
  if (!report.ok) throw new PreflightError(report);
  return report;
}
async function trainModel(request) {
  const { model, root, outputDir } = request;
  const train = asList(model.data.train);
  const data = await describeDataFiles(train, root, `models.${request.name}.data.train`);
  const command = request.command ?? model.training.command;
  const logFile = path26.join(outputDir, "train.log");
  const resolveAll = (patterns) => patterns.map((pattern) => path26.resolve(root, pattern)).join(path26.delimiter);
  const env = {
    ...request.env,
    ...model.training.env,
    TRAINYARD_MODEL: request.name,
    TRAINYARD_OUTPUT_DIR: outputDir,
    TRAINYARD_DATA_TRAIN: resolveAll(train),
    TRAINYARD_DATA_PRODUCTION: resolveAll(asList(model.data.production)),
    TRAINYARD_SEED: String(model.training.seed),
    TRAINYARD_PARAMS: JSON.stringify(model.training.params)
  };
  const tool = request.gpuTool ?? processNvidiaSmi({ env });
  const preflight = await preflightIfAsked(request, tool, env);
  await mkdir9(outputDir, { recursive: true });
  const telemetryFile = path26.join(outputDir, TELEMETRY_FILE);
  const sampling = preflight ? startTelemetry({ tool, intervalMs: model.training.telemetry_interval_ms, file: telemetryFile }) : null;
  let outcome;
  try {
    outcome = await runCommand({ command, cwd: root, timeoutMs: model.training.timeout_minutes * 6e4, logFile, echo: request.echo, env });
  } catch (error) {
    await sampling?.stop();
    throw error;
  }
  const telemetry = sampling ? await sampling.stop() : null;
  const lineage2 = buildLineage({
    model: request.name,
    git: request.system.git,
    configSha256: request.configSha256,
    data,
    params: model.training.params,
    seed: model.training.seed,
    command,
    outcome: { ...outcome, signal: outcome.signal ?? outcome.cancelledBy },
    runner: request.system.runner,
    versions: { ...request.versions, python: request.system.python },
    gpu: preflight ? gpuLineage(preflight) : null,
    telemetry: telemetry ? telemetryLineage(telemetry) : null
  });
  await writeFile9(path26.join(outputDir, LINEAGE_FILE), `${JSON.stringify(lineage2, null, 2)}
`);
  const record = { lineage: lineage2, preflight, telemetry };
  if (outcome.timedOut) {
    throw new TrainingFailedError(`models.${request.name}: "${command}" ran past training.timeout_minutes (${model.training.timeout_minutes}) and was stopped; partial outputs kept in ${outputDir}`, { exitCode: 1, record });
  }
  if (outcome.cancelledBy) {
    throw new TrainingFailedError(`models.${request.name}: cancelled by ${outcome.cancelledBy}; "${command}" was stopped and its partial outputs kept in ${outputDir}`, { exitCode: outcome.exitCode || 1, record });
  }
  if (outcome.exitCode !== 0) {
    throw new TrainingFailedError(`models.${request.name}: "${command}" exited with status ${outcome.exitCode}; its log is ${logFile}`, { exitCode: outcome.exitCode, record });
  }
  const artifacts = await readTrainingArtifacts(outputDir, { metrics: model.metrics.file, predictions: model.metrics.predictions });
  return { name: request.name, outcome, ...record, artifacts, logFile };
}
function telemetryLineage(capture) {
  return { file: TELEMETRY_FILE, ...capture.summary, samplerCpuSeconds: capture.sampler.cpuSeconds };
}

// src/validate/stage.ts
import path29 from "node:path";

// src/validate/load-schema.ts
import { readFile as readFile12, stat as stat8 } from "node:fs/promises";

// src/validate/data-schema.ts
var COLUMN_TYPES = ["string", "integer", "number", "boolean", "date", "timestamp"];
var bound = external_exports.union([external_exports.number(), external_exports.string().min(1)]);
var allowed = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
var columnRuleSchema = external_exports.strictObject({
  type: external_exports.enum(COLUMN_TYPES).describe("The type every non-null value must parse as."),
  nullable: external_exports.boolean().optional().describe("Whether nulls are allowed; default false (true when max_null_fraction is set)."),
  min: bound.optional().describe("The smallest allowed value (inclusive); a number, or an ISO date for date and timestamp columns."),
  max: bound.optional().describe("The largest allowed value (inclusive)."),
  in: external_exports.array(allowed).min(1).optional().describe("The allowed values."),
  pattern: external_exports.string().min(1).optional().describe("A regular expression (RE2) each value must contain a match of; anchor it with ^ and $."),
  unique: external_exports.boolean().optional().describe("No value may occur twice."),
  max_null_fraction: external_exports.number().min(0).max(1).optional().describe("The largest allowed share of null values, in [0, 1]."),
  mostly: external_exports.number().gt(0).max(1).optional().describe("The share of non-null values that must pass each value check (GX `mostly`); default 1.")
}).describe("The rules of one column.");
var customCheckSchema = external_exports.strictObject({
  name: external_exports.string().min(1).describe("The name the check is reported by."),
  sql: external_exports.string().min(1).describe("A DuckDB query over the view `data` that returns the offending rows; the check passes when it returns none.")
});
var dataSchemaSchema = external_exports.strictObject({
  columns: external_exports.record(external_exports.string().min(1), columnRuleSchema).describe("The columns, by name, in any order."),
  rows: external_exports.strictObject({ min: external_exports.int().min(0).optional(), max: external_exports.int().min(0).optional() }).optional().describe("Bounds on the number of rows."),
  unique: external_exports.array(external_exports.array(external_exports.string().min(1)).min(1)).optional().describe("Compound keys: each list of columns must be unique together."),
  strict: external_exports.boolean().optional().describe("Fail on columns that the schema does not list."),
  checks: external_exports.array(customCheckSchema).optional().describe("Custom checks as SQL queries that must return zero rows.")
}).describe("A trainyard data schema.");

// src/validate/rule-sense.ts
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
var ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
function valueProblem(type, value2) {
  switch (type) {
    case "integer":
      return Number.isSafeInteger(value2) ? void 0 : "an integer";
    case "number":
      return typeof value2 === "number" ? void 0 : "a number";
    case "boolean":
      return typeof value2 === "boolean" ? void 0 : "true or false";
    case "string":
      return typeof value2 === "string" ? void 0 : "a string (quote it)";
    case "date":
      return typeof value2 === "string" && ISO_DATE.test(value2) ? void 0 : 'a date such as "2001-01-31"';
    case "timestamp":
      return typeof value2 === "string" && ISO_TIMESTAMP.test(value2) ? void 0 : 'a timestamp such as "2001-01-31 12:00:00"';
  }
}
function columnWords(type) {
  return `${type === "integer" ? "an" : "a"} ${type} column`;
}
function columnProblem(name, rule) {
  const at2 = (key, ...rest) => ["columns", name, key, ...rest];
  for (const key of ["min", "max"]) {
    const value2 = rule[key];
    if (value2 === void 0) continue;
    if (rule.type === "string" || rule.type === "boolean") return { path: at2(key), message: `${key} applies to integer, number, date and timestamp columns, not ${rule.type}` };
    const expected = valueProblem(rule.type, value2);
    if (expected) return { path: at2(key), message: `expected ${expected} for ${columnWords(rule.type)}, got ${JSON.stringify(value2)}` };
  }
  if (rule.min !== void 0 && rule.max !== void 0 && rule.min > rule.max) {
    return { path: at2("min"), message: `min ${JSON.stringify(rule.min)} is above max ${JSON.stringify(rule.max)}` };
  }
  const bad = rule.in?.findIndex((value2) => valueProblem(rule.type, value2) !== void 0) ?? -1;
  if (bad >= 0) {
    const value2 = rule.in[bad];
    return { path: at2("in", bad), message: `expected ${valueProblem(rule.type, value2)} for ${columnWords(rule.type)}, got ${JSON.stringify(value2)}` };
  }
  if (rule.nullable === false && rule.max_null_fraction !== void 0) {
    return { path: at2("max_null_fraction"), message: "contradicts nullable: false; drop one of them" };
  }
  return void 0;
}
function checkRuleSense(rules) {
  for (const [name, rule] of Object.entries(rules.columns)) {
    const problem = columnProblem(name, rule);
    if (problem) return problem;
  }
  if (rules.rows?.min !== void 0 && rules.rows.max !== void 0 && rules.rows.min > rules.rows.max) {
    return { path: ["rows", "min"], message: `min ${rules.rows.min} is above max ${rules.rows.max}` };
  }
  for (const [i, key] of (rules.unique ?? []).entries()) {
    const j = key.findIndex((column) => !(column in rules.columns));
    if (j >= 0) return { path: ["unique", i, j], message: `unknown column "${key[j]}"; expected one of the schema's columns: ${Object.keys(rules.columns).join(", ")}` };
  }
  const names = (rules.checks ?? []).map((check) => check.name);
  const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (twice >= 0) return { path: ["checks", twice, "name"], message: `the check name "${names[twice]}" is used twice; expected unique names` };
  return void 0;
}

// src/validate/load-schema.ts
function parseDataSchema(text, file) {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === void 0) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "columns" key' });
  }
  const result = dataSchemaSchema.safeParse(source.value);
  if (!result.success) {
    const [first] = explainIssues(dataSchemaSchema, source.value, result.error.issues);
    if (!first) throw new ConfigError({ file, message: result.error.message });
    throw errorAt(source, first.path, first.message, first.unknownKey);
  }
  const rules = result.data;
  const problem = checkRuleSense(rules);
  if (problem) throw errorAt(source, problem.path, problem.message);
  return { file, rules, positions: positionsOf(source, rules) };
}
async function loadDataSchema(file, shownAs = file) {
  const info = await stat8(file).catch(() => void 0);
  if (!info?.isFile()) throw new ConfigError({ file: shownAs, message: "no such schema file; expected a YAML data schema (trainyard schema infer writes one)" });
  if (info.size > MAX_CONFIG_BYTES) throw new ConfigError({ file: shownAs, message: `file is ${info.size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  return parseDataSchema(await readFile12(file, "utf8"), shownAs);
}
function errorAt(source, path40, message, unknownKey) {
  const position = positionOf(source, unknownKey ? path40.slice(0, -1) : path40, unknownKey);
  const key = path40.map(String).join(".") || void 0;
  return new ConfigError({ file: source.file, message, ...position ? { position } : {}, ...key ? { key } : {} });
}
function positionsOf(source, rules) {
  const positions = {};
  const put = (key, path40, keyOf) => {
    const position = positionOf(source, path40, keyOf);
    if (position) positions[key] = position;
  };
  for (const [name, rule] of Object.entries(rules.columns)) {
    put(name, ["columns"], name);
    for (const check of Object.keys(rule)) put(`${name}.${check}`, ["columns", name], check);
  }
  put("rows", [], "rows");
  put("strict", [], "strict");
  rules.unique?.forEach((_, i) => put(`unique.${i}`, ["unique", i]));
  rules.checks?.forEach((_, i) => put(`checks.${i}`, ["checks", i]));
  return positions;
}

// src/validate/render.ts
function percent(fraction) {
  const value2 = fraction * 100;
  if (value2 === 0) return "0%";
  return `${value2 >= 0.01 ? value2.toFixed(2) : value2.toPrecision(2)}%`;
}
function showValue(value2) {
  return value2 === null || value2 === void 0 ? "null" : JSON.stringify(value2);
}
function showExample(example) {
  const where2 = example.row === void 0 ? "" : `${example.file ? `${example.file} ` : ""}row ${example.row}: `;
  return `${where2}${showValue(example.value)}`;
}
function subjectOf(failure) {
  if (failure.column !== null) return failure.column;
  if (failure.check === "unique") return `(${failure.name ?? ""})`;
  if (failure.check === "sql") return failure.name ?? "sql";
  return "table";
}
function counted(failure) {
  if (failure.check === "missing_column" || failure.check === "extra_column") return "";
  if (failure.check === "rows") return "";
  return `${formatNumber(failure.failed)} (${percent(failure.fraction)}) `;
}
function failureLine(failure) {
  const examples = failure.examples.length > 0 ? `; e.g. ${failure.examples.map(showExample).join(", ")}` : "";
  return `${subjectOf(failure)} ${failure.check}: ${counted(failure)}expected ${failure.expected}${examples}`;
}
function renderText(result) {
  const head = `${result.data}: ${formatNumber(result.rows)} rows checked against ${result.schema}`;
  if (result.valid) return `${head}: valid
`;
  const lines = result.failures.map((failure) => `  \u2717 ${failureLine(failure)}`);
  return `${head}: ${result.failures.length} failed check${result.failures.length === 1 ? "" : "s"}
${lines.join("\n")}
`;
}
function cell2(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function renderMarkdown(result) {
  const verdict2 = result.valid ? "\u2705 valid" : `\u274C ${result.failures.length} failed check${result.failures.length === 1 ? "" : "s"}`;
  const lines = [`## Data validation: ${verdict2}`, "", `\`${result.data}\` (${formatNumber(result.rows)} rows) against \`${result.schema}\`.`, ""];
  if (result.valid) return `${lines.join("\n")}
`;
  lines.push("| column | check | failed | share | expected | examples | schema line |", "| --- | --- | ---: | ---: | --- | --- | ---: |");
  for (const failure of result.failures) {
    const examples = failure.examples.map((example) => `\`${showExample(example)}\``).join("<br>");
    const line = failure.position ? String(failure.position.line) : "";
    lines.push(`| ${cell2(subjectOf(failure))} | ${failure.check} | ${formatNumber(failure.failed)} | ${percent(failure.fraction)} | ${cell2(failure.expected)} | ${cell2(examples)} | ${line} |`);
  }
  return `${lines.join("\n")}
`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderAnnotations(result) {
  return result.failures.map((failure) => {
    const properties = [`file=${escapeProperty(result.schema)}`];
    if (failure.position) properties.push(`line=${failure.position.line}`, `col=${failure.position.column}`);
    properties.push(`title=${escapeProperty(`trainyard validate: ${subjectOf(failure)} ${failure.check}`)}`);
    return `::error ${properties.join(",")}::${escapeData(failureLine(failure))}
`;
  }).join("");
}

// src/validate/validate-data.ts
import path28 from "node:path";

// src/validate/column-outcomes.ts
var EPSILON2 = 1e-12;
function count(row2, alias) {
  return Number(row2[alias] ?? 0);
}
function breaksMostly(failed, present, mostly = 1) {
  if (failed === 0 || present === 0) return false;
  return (present - failed) / present < mostly - EPSILON2;
}
function columnFailures(plan, index, row2) {
  const rows = count(row2, "n");
  const present = count(row2, `c${index}_present`);
  const nulls = rows - present;
  const { rule } = plan;
  const pending = [];
  const add = (check, failed, fraction, expected, failing) => {
    const failure = { column: plan.name, check, failed, fraction, examples: [], expected };
    pending.push({ failure, plan, ...failing ? { failing } : {} });
  };
  const share2 = (failed, of) => of === 0 ? 0 : failed / of;
  const nullable = rule.nullable ?? rule.max_null_fraction !== void 0;
  const valueFailure = (j) => {
    const check = plan.checks[j];
    const failed = count(row2, `c${index}_k${j}`);
    if (breaksMostly(failed, present, rule.mostly)) add(check.check, failed, share2(failed, present), check.expected, check.failing);
  };
  const typeIndex = plan.checks.findIndex((check) => check.check === "type");
  if (typeIndex >= 0) valueFailure(typeIndex);
  if (!nullable && nulls > 0) add("nullable", nulls, share2(nulls, rows), "no missing values", `${plan.raw} IS NULL`);
  if (rule.max_null_fraction !== void 0 && share2(nulls, rows) > rule.max_null_fraction + EPSILON2) {
    add("max_null_fraction", nulls, share2(nulls, rows), `at most ${rule.max_null_fraction} of the rows missing`, `${plan.raw} IS NULL`);
  }
  plan.checks.forEach((_, j) => j !== typeIndex && valueFailure(j));
  if (rule.unique) {
    const failed = count(row2, `c${index}_parsed`) - count(row2, `c${index}_distinct`);
    if (breaksMostly(failed, present, rule.mostly)) add("unique", failed, share2(failed, present), "no value twice");
  }
  return pending;
}

// src/validate/fast-read.ts
var READER_TYPES = { number: "DOUBLE", boolean: "BOOLEAN", timestamp: "TIMESTAMP" };
function fastReadTypes(source, columns) {
  if (source.format !== "csv" && source.format !== "tsv") return {};
  const types = {};
  for (const [name, rule] of Object.entries(columns)) {
    const type = READER_TYPES[rule.type];
    if (type && rule.pattern === void 0) types[name] = type;
  }
  return types;
}

// src/validate/examples.ts
import path27 from "node:path";

// src/validate/plan.ts
function planColumns2(columns, present) {
  return Object.entries(columns).filter(([name]) => present.has(name)).map(([name, rule], i) => {
    const raw = `r${i}`;
    const typed = `t${i}`;
    const nativeType = present.get(name);
    const checks2 = valueChecks(rule, raw, typed).filter((check) => check.check !== "type" || !isNative(nativeType, rule.type));
    return { name, rule, nativeType, raw, typed, checks: checks2 };
  });
}
var INTEGER_TYPES = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"];
var NATIVE = {
  string: (type) => type === "VARCHAR",
  integer: (type) => INTEGER_TYPES.includes(type),
  number: (type) => INTEGER_TYPES.includes(type) || type === "DOUBLE" || type === "FLOAT" || type.startsWith("DECIMAL"),
  boolean: (type) => type === "BOOLEAN",
  date: (type) => type === "DATE",
  timestamp: (type) => ["TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S"].includes(type)
};
function isNative(nativeType, type) {
  return NATIVE[type](nativeType);
}
function typedOf(plan) {
  const source = quoteIdentifier(plan.name);
  if (isNative(plan.nativeType, plan.rule.type)) return { raw: source, typed: plan.rule.type === "number" ? `${source}::DOUBLE` : source };
  const text = plan.nativeType === "VARCHAR" ? source : `${source}::VARCHAR`;
  return { raw: text, typed: typedSql(text, plan.rule.type) };
}
function projectionSql(plans, view, extra = []) {
  const columns = plans.flatMap((plan) => {
    const { raw, typed } = typedOf(plan);
    return [`${raw} AS ${plan.raw}`, `${typed} AS ${plan.typed}`];
  });
  return `SELECT ${[...columns, ...extra].join(", ")} FROM ${quoteIdentifier(view)}`;
}
function columnAggregates(plan, index) {
  const aggregates = [{ alias: `c${index}_present`, sql: `count(${plan.raw})` }];
  const counted2 = (check) => check.check === "type" ? `count(${plan.raw}) - count(${plan.typed})` : `count(*) FILTER (WHERE ${check.failing})`;
  plan.checks.forEach((check, j) => aggregates.push({ alias: `c${index}_k${j}`, sql: counted2(check) }));
  if (plan.rule.unique) {
    aggregates.push({ alias: `c${index}_parsed`, sql: `count(${plan.typed})` });
    aggregates.push({ alias: `c${index}_distinct`, sql: distinctSql(plan) });
  }
  return aggregates;
}
var MAX_BITMAP_RANGE = 2 ** 28;
function distinctSql(plan) {
  const { rule, typed } = plan;
  const bounded = rule.type === "integer" && typeof rule.min === "number" && typeof rule.max === "number";
  if (!bounded || rule.max - rule.min + 1 > MAX_BITMAP_RANGE) return `count(DISTINCT ${typed})`;
  const inside = `${typed} BETWEEN ${rule.min} AND ${rule.max}`;
  const bitmap = `coalesce(bit_count(bitstring_agg(${typed}, ${rule.min}, ${rule.max}) FILTER (WHERE ${inside})), 0)`;
  return `${bitmap} + count(DISTINCT ${typed}) FILTER (WHERE NOT (${inside}))`;
}
function aggregateSql(plans, view) {
  const aggregates = [{ alias: "n", sql: "count(*)" }, ...plans.flatMap((plan, i) => columnAggregates(plan, i))];
  const select = aggregates.map((aggregate) => `${aggregate.sql} AS ${aggregate.alias}`).join(", ");
  return { sql: `SELECT ${select} FROM (${projectionSql(plans, view)})`, aggregates };
}

// src/validate/result.ts
var MAX_EXAMPLES = 5;

// src/validate/examples.ts
var HEAD_ROWS = 1 << 16;
function exampleOf(context, row2, value2) {
  const example = { row: Number(row2[ROW_COLUMN]), value: value2 };
  if (context.shardRoot !== void 0) example.file = path27.relative(context.shardRoot, String(row2[FILE_COLUMN])) || String(row2[FILE_COLUMN]);
  return example;
}
function byPlace(a, b) {
  return (a.file ?? "").localeCompare(b.file ?? "") || (a.row ?? 0) - (b.row ?? 0);
}
async function examplesWhere(context, plan, failing, failed) {
  const wanted = Math.min(MAX_EXAMPLES, failed);
  let rows = [];
  for (const view of [context.head, void 0]) {
    const projection = projectionSql(context.plans, view ?? await context.views.numbered(), [FILE_COLUMN, ROW_COLUMN]);
    rows = await context.engine.query(`SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${plan.raw} AS value FROM (${projection}) WHERE ${failing} LIMIT ${MAX_EXAMPLES}`);
    if (rows.length >= wanted) break;
  }
  return rows.map((row2) => exampleOf(context, row2, plainValue(row2.value ?? null))).sort(byPlace);
}
function repeatsSql(projection, key, present, show, keysFrom) {
  const keys = `SELECT ${key} AS k FROM (${keysFrom}) WHERE ${present} GROUP BY k HAVING count(*) > 1 LIMIT ${MAX_EXAMPLES}`;
  return `SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${show} AS value FROM (${projection}) WHERE ${present} AND ${key} IN (${keys}) LIMIT ${MAX_EXAMPLES}`;
}
var DUPLICATE_PREFIX = 1 << 20;
async function duplicateExamples(context, key, present, show) {
  const head = projectionSql(context.plans, context.head, [FILE_COLUMN, ROW_COLUMN]);
  let found = await context.engine.query(repeatsSql(head, key, present, show, head));
  if (found.length === 0) {
    const plain = projectionSql(context.plans, await context.views.plain());
    const numbered = projectionSql(context.plans, await context.views.numbered(), [FILE_COLUMN, ROW_COLUMN]);
    for (const limit of [DUPLICATE_PREFIX, void 0]) {
      const cut = limit === void 0 ? "" : ` LIMIT ${limit}`;
      found = await context.engine.query(repeatsSql(`${numbered}${cut}`, key, present, show, `${plain}${cut}`));
      if (found.length > 0) break;
    }
  }
  return found.map((row2) => exampleOf(context, row2, plainValue(row2.value ?? null))).sort(byPlace);
}
function plainValue(value2) {
  if (typeof value2 === "bigint") return Number.isSafeInteger(Number(value2)) ? Number(value2) : value2.toString();
  if (value2 instanceof Date) return value2.toISOString();
  if (Array.isArray(value2)) return value2.map(plainValue);
  if (value2 !== null && typeof value2 === "object") return Object.fromEntries(Object.entries(value2).map(([key, inner]) => [key, plainValue(inner)]));
  return value2;
}

// src/validate/table-checks.ts
function at(position) {
  return position ? { position } : {};
}
function rowCountFailure(schema, rows) {
  const bounds2 = schema.rules.rows;
  const base = { column: null, check: "rows", fraction: 1, examples: [], ...at(schema.positions.rows) };
  if (bounds2?.min !== void 0 && rows < bounds2.min) return { ...base, failed: bounds2.min - rows, expected: `at least ${bounds2.min} rows, got ${rows}` };
  if (bounds2?.max !== void 0 && rows > bounds2.max) return { ...base, failed: rows - bounds2.max, expected: `at most ${bounds2.max} rows, got ${rows}` };
  return void 0;
}
async function compoundKeyFailures(schema, context, rows) {
  const failures = [];
  for (const [i, key] of (schema.rules.unique ?? []).entries()) {
    const plans = key.map((name) => context.plans.find((plan) => plan.name === name));
    if (plans.some((plan) => plan === void 0)) continue;
    const typed = plans.map((plan) => plan.typed);
    const present = typed.map((column) => `${column} IS NOT NULL`).join(" AND ");
    const tuple = `row(${typed.join(", ")})`;
    const sql = `SELECT count(*) FILTER (WHERE ${present}) - count(DISTINCT ${tuple}) FILTER (WHERE ${present}) AS failed FROM (${projectionSql(context.plans, await context.views.plain())})`;
    const [result] = await context.engine.query(sql);
    const failed = Number(result?.failed ?? 0);
    if (failed === 0) continue;
    const show = `struct_pack(${plans.map((plan) => `${quoteIdentifier(plan.name)} := ${plan.raw}`).join(", ")})`;
    const examples = await duplicateExamples(context, tuple, present, show);
    failures.push({ column: null, check: "unique", name: key.join(", "), failed, fraction: rows === 0 ? 0 : failed / rows, examples, expected: `no (${key.join(", ")}) twice`, ...at(schema.positions[`unique.${i}`]) });
  }
  return failures;
}
var CHECK_VIEW = "data";
async function createCheckView(context, otherColumns) {
  const typed = context.plans.map((plan) => `${plan.typed} AS ${quoteIdentifier(plan.name)}`);
  const others = otherColumns.map(quoteIdentifier);
  const extra = [...others, `${FILE_COLUMN} AS _file`, `${ROW_COLUMN} AS _row`];
  const projection = projectionSql(context.plans, await context.views.numbered(), [...others, FILE_COLUMN, ROW_COLUMN]);
  await context.engine.query(`CREATE OR REPLACE TEMP VIEW ${CHECK_VIEW} AS SELECT ${[...typed, ...extra].join(", ")} FROM (${projection})`);
}
async function customCheckFailures(schema, context, rows) {
  const failures = [];
  for (const [i, check] of (schema.rules.checks ?? []).entries()) {
    const query = check.sql.trim().replace(/;+\s*$/, "");
    const position = schema.positions[`checks.${i}`];
    let failed;
    let found;
    try {
      const [result] = await context.engine.query(`SELECT count(*) AS failed FROM (${query})`);
      failed = Number(result?.failed ?? 0);
      found = failed === 0 ? [] : await context.engine.query(`SELECT * FROM (${query}) LIMIT ${MAX_EXAMPLES}`);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const reason = error.message.replace(/^query failed: /, "");
      throw new ConfigError({ file: schema.file, key: `checks.${i}.sql`, message: `the query of check "${check.name}" fails: ${reason}`, ...at(position) });
    }
    if (failed === 0) continue;
    const examples = found.map((row2) => {
      const { _file, _row, ...rest } = row2;
      const value2 = plainValue(rest);
      const example = exampleOf(context, { [FILE_COLUMN]: _file, [ROW_COLUMN]: _row }, value2);
      return _row === void 0 ? { value: value2 } : example;
    });
    failures.push({ column: null, check: "sql", name: check.name, failed, fraction: rows === 0 ? 0 : failed / rows, examples, expected: `no rows from check "${check.name}"`, ...at(position) });
  }
  return failures;
}

// src/validate/views.ts
var PLAIN_VIEW = "trainyard_text";
var NUMBERED_VIEW = "trainyard_numbered";
var HEAD_TABLE = "trainyard_head";
var ValidationViews = class {
  constructor(engine, source) {
    this.engine = engine;
    this.source = source;
    this.options = { allVarchar: source.format === "csv" || source.format === "tsv" };
  }
  engine;
  source;
  registered = /* @__PURE__ */ new Map();
  options;
  /** Adopts an already registered view of the data as read by `options` as the plain view. */
  adoptPlain(name) {
    this.registered.set(PLAIN_VIEW, Promise.resolve(name));
  }
  plain() {
    return this.once(PLAIN_VIEW, async () => {
      await this.engine.register(PLAIN_VIEW, this.source, this.options);
      return PLAIN_VIEW;
    });
  }
  numbered() {
    return this.once(NUMBERED_VIEW, async () => {
      await this.engine.register(NUMBERED_VIEW, this.source, { ...this.options, rowNumbers: true });
      return NUMBERED_VIEW;
    });
  }
  head() {
    return this.once(HEAD_TABLE, async () => {
      const select = sourceSelect(this.source, { ...this.options, rowNumbers: true });
      await this.engine.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(HEAD_TABLE)} AS SELECT * FROM (${select}) LIMIT ${HEAD_ROWS}`, this.source);
      return HEAD_TABLE;
    });
  }
  once(name, create) {
    let view = this.registered.get(name);
    if (!view) {
      view = create();
      this.registered.set(name, view);
    }
    return view;
  }
};

// src/validate/validate-data.ts
var RAW_VIEW = "trainyard_raw";
var REJECTS = "trainyard_rejects";
async function validateData(request) {
  const { engine, source, schema } = request;
  const textual = source.format === "csv" || source.format === "tsv";
  const views = new ValidationViews(engine, source);
  const types = request.exact ? {} : fastReadTypes(source, schema.rules.columns);
  const fast = Object.keys(types).length > 0;
  const described = await engine.register(RAW_VIEW, source, fast ? { allVarchar: true, typed: { types, rejects: REJECTS } } : { allVarchar: textual });
  const names = described.map((column) => column.name);
  const failures = [...structureFailures(schema, names)];
  let plans = planColumns2(schema.rules.columns, new Map(described.map((column) => [column.name, column.type])));
  await checkPatterns(engine, schema, plans);
  if (fast) await engine.takeRejects(REJECTS);
  let [counts = {}] = await engine.query(aggregateSql(plans, RAW_VIEW).sql, source);
  const textPlans = fast ? planColumns2(schema.rules.columns, new Map(names.map((name) => [name, "VARCHAR"]))) : plans;
  if (fast && await engine.takeRejects(REJECTS) > 0) {
    await engine.register(RAW_VIEW, source, { allVarchar: true });
    [counts = {}] = await engine.query(aggregateSql(textPlans, RAW_VIEW).sql, source);
    plans = textPlans;
  }
  if (!fast) views.adoptPlain(RAW_VIEW);
  request.onCounts?.(plans === textPlans ? "text" : "typed");
  const rows = Number(counts.n ?? 0);
  const pending = plans.flatMap((plan, i) => columnFailures(plan, i, counts)).map((found) => onPlans(found, textPlans));
  const shardRoot = source.files.length > 1 ? path28.resolve(request.root) : void 0;
  const needsRows = pending.length > 0 || (schema.rules.unique?.length ?? 0) > 0 || (schema.rules.checks?.length ?? 0) > 0;
  const head = needsRows ? await views.head() : "";
  const context = { engine, plans: textPlans, head, views, shardRoot };
  for (const { failure, failing, plan } of pending) {
    failure.examples = failing ? await examplesWhere(context, plan, failing, failure.failed) : await duplicateExamples(context, plan.typed, `${plan.typed} IS NOT NULL`, plan.raw);
    const position = schema.positions[`${plan.name}.${failure.check}`] ?? schema.positions[plan.name];
    if (position) failure.position = position;
    failures.push(failure);
  }
  const rowFailure = rowCountFailure(schema, rows);
  if (rowFailure) failures.push(rowFailure);
  failures.push(...await compoundKeyFailures(schema, context, rows));
  if (schema.rules.checks?.length) {
    await createCheckView(context, names.filter((name) => !(name in schema.rules.columns)));
    failures.push(...await customCheckFailures(schema, context, rows));
  }
  return { valid: failures.length === 0, rows, data: source.display, schema: schema.file, failures };
}
function onPlans(pending, plans) {
  const plan = plans.find((candidate) => candidate.name === pending.plan.name);
  if (pending.failing === void 0) return { ...pending, plan };
  const check = plan.checks.find((candidate) => candidate.check === pending.failure.check);
  return { ...pending, plan, failing: check?.failing ?? pending.failing };
}
function structureFailures(schema, names) {
  const failures = [];
  for (const name of Object.keys(schema.rules.columns).filter((column) => !names.includes(column))) {
    const position = schema.positions[name];
    failures.push({ column: name, check: "missing_column", failed: 1, fraction: 1, examples: [], expected: "the column in the data", ...position ? { position } : {} });
  }
  if (schema.rules.strict) {
    const position = schema.positions.strict;
    for (const name of names.filter((column) => !(column in schema.rules.columns))) {
      failures.push({ column: name, check: "extra_column", failed: 1, fraction: 1, examples: [], expected: "only the columns of the schema (strict)", ...position ? { position } : {} });
    }
  }
  return failures;
}
async function checkPatterns(engine, schema, plans) {
  for (const plan of plans.filter((candidate) => candidate.rule.pattern !== void 0)) {
    try {
      await engine.query(`SELECT regexp_matches('', ${quoteLiteral(plan.rule.pattern)})`);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      const position = schema.positions[`${plan.name}.pattern`];
      const reason = error.message.replace(/^query failed: /, "");
      throw new ConfigError({ file: schema.file, key: `columns.${plan.name}.pattern`, message: `not a valid RE2 regular expression (${reason})`, ...position ? { position } : {} });
    }
  }
}

// src/validate/stage.ts
async function validateStage(request) {
  const { data, root } = request;
  if (!data.schema) return void 0;
  const schema = await loadDataSchema(path29.resolve(root, data.schema), data.schema);
  const sets = [["train", data.train]];
  if (data.production) sets.push(["production", data.production]);
  const engine = await DataEngine.open();
  try {
    const validations = [];
    for (const [role, patterns] of sets) {
      const source = await resolveSource(patterns, root);
      validations.push({ role, result: await validateData({ engine, source, schema, root }) });
    }
    return {
      model: request.model,
      valid: validations.every((validation) => validation.result.valid),
      validations,
      text: validations.map((validation) => renderText(validation.result)).join(""),
      markdown: validations.map((validation) => renderMarkdown(validation.result)).join("\n")
    };
  } finally {
    engine.close();
  }
}

// src/run/champion.ts
import { readdir as readdir7 } from "node:fs/promises";
import path30 from "node:path";
async function fetchChampion(input) {
  if (!championOf(await input.registry.history(input.model, input.environment), input.environment)) return null;
  const version = await input.registry.version(input.model, { environment: input.environment });
  const downloaded = await input.registry.download(input.model, version.version, input.dir);
  const predictions = (await readdir7(downloaded.dir)).find((file) => file.startsWith("predictions."));
  return {
    version: version.version,
    tag: version.tag,
    metricsFile: path30.join(downloaded.dir, "metrics.json"),
    predictionsFile: predictions ? path30.join(downloaded.dir, predictions) : null
  };
}

// src/run/model-run.ts
async function runModel(request) {
  const { name, model, root, outputDir, echo } = request;
  const stages = [];
  const note = (report) => {
    stages.push(report);
    echo(`${report.stage}: ${report.summary}
`);
  };
  const validation = await validateStage({ model: name, data: model.data, root });
  if (!validation) note({ stage: "validate", status: "skipped", summary: "no data.schema configured" });
  else {
    const sets = validation.validations.map((entry) => `${entry.role} ${entry.result.valid ? "valid" : `${entry.result.failures.length} failed check(s)`} (${formatNumber(entry.result.rows)} rows)`);
    note({ stage: "validate", status: validation.valid ? "passed" : "failed", summary: sets.join(", "), markdown: validation.markdown });
    if (!validation.valid) return { name, stages, lineage: null, metrics: {}, artifacts: [], completed: false };
  }
  echo(`train: running "${model.training.command}"
`);
  const trained = await trainModel({ name, model, root, outputDir, configSha256: request.configSha256, env: request.env, system: request.system, versions: request.versions, echo });
  note({ stage: "train", status: "passed", summary: `exit ${trained.outcome.exitCode} in ${trained.lineage.durationSeconds} s, seed ${model.training.seed}` });
  const evaluation = await evaluateStage({ predictions: trained.artifacts.predictionsFile, cwd: root, columns: { task: model.task } });
  const shown = ["roc_auc", "pr_auc", "accuracy", "f1", "log_loss", "brier", "ece", "rmse", "mae", "r2", "macro_f1"].filter((metric) => evaluation.metrics[metric] !== void 0);
  note({ stage: "evaluate", status: "info", summary: `${formatNumber(evaluation.rows)} held-out rows: ${shown.map((metric) => `${metric} ${formatNumber(evaluation.metrics[metric])}`).join(", ")}` });
  const champion = await fetchChampion({ registry: request.registry, model: name, environment: model.promotion?.environment ?? "production", dir: path31.join(outputDir, "..", `${name}.champion`) });
  const compared = champion ? await compareStage({
    candidate: { metrics: trained.artifacts.metrics, metricsFile: path31.join(outputDir, model.metrics.file), predictions: trained.artifacts.predictionsFile },
    baseline: { metricsFile: champion.metricsFile, ...champion.predictionsFile ? { predictions: champion.predictionsFile } : {} },
    policy: policyOfModel(model),
    columns: { task: model.task },
    id: "id",
    cwd: root
  }).then((comparison) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: `champion ${champion.tag}` }) })) : await trainerComparisonStage({ name, model, metrics: trained.artifacts.metrics, metricsFile: path31.join(outputDir, model.metrics.file), cwd: root });
  const against = champion ? `champion ${champion.tag}` : "the trainer's baseline (no champion yet)";
  await writeFile10(path31.join(outputDir, "comparison.json"), `${JSON.stringify(comparisonDocument(compared.comparison, { model: name, candidate: model.metrics.file, baseline: champion?.tag ?? null }), null, 2)}
`);
  note({ stage: "compare", status: compared.comparison.verdict === "pass" ? "passed" : "failed", summary: `against ${against}: ${compared.comparison.summary}`, markdown: compared.report });
  const drift2 = await driftStage({ name, model, root, outputDir });
  note({ stage: "drift", status: drift2.result === null ? "skipped" : drift2.result.drifted ? "failed" : "passed", summary: drift2.summary.replace(/^drift: /, "") });
  const passed = compared.comparison.verdict === "pass";
  const staged = await registerAndPromote({ registry: request.registry, name, model, outputDir, gate: { passed, summary: compared.comparison.summary }, runUrl: null, actor: request.env.USER ?? null });
  const promoted = staged.promotion ? `, promoted to ${staged.environment} (#${staged.promotion.sequence})` : `, not promoted: the comparison did not pass`;
  note({ stage: "register", status: "info", summary: `registered ${staged.version.tag}${promoted}` });
  const artifacts = (await readdir8(outputDir)).sort().map((entry) => entry === "model" ? "model/" : entry);
  return { name, stages, lineage: trained.lineage, metrics: trained.artifacts.metrics, artifacts, completed: true };
}

// src/run/pipeline.ts
function selectModels(configured, requested) {
  const unknown = requested.filter((name) => !configured.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown model "${unknown[0]}"; the config has: ${configured.join(", ")}`);
  return requested.length === 0 ? configured : configured.filter((name) => requested.includes(name));
}
async function runPipeline(request) {
  const { config, root } = request.loaded;
  const names = selectModels(Object.keys(config.models), request.models);
  const registry = new LocalRegistry({ dir: request.registryDir ?? path32.join(root, ".trainyard", "registry") });
  const reports = [];
  for (const name of names) {
    const model = config.models[name];
    const outputDir = path32.join(request.runDir, name);
    request.echo(`
\u25B6 ${name}
`);
    const outcome = await runModel({ name, model, root, outputDir, configSha256: request.configSha256, registry, env: request.env, system: request.system, versions: request.versions, echo: request.echo });
    reports.push({
      name,
      task: model.task,
      ...model.description ? { description: model.description } : {},
      lineage: outcome.lineage,
      metrics: outcome.metrics,
      stages: outcome.stages,
      outputDir: path32.relative(root, outputDir) || ".",
      artifacts: outcome.artifacts
    });
  }
  const report = renderRunReport({ project: path32.basename(root), models: reports });
  const reportFile = path32.join(request.runDir, "report.md");
  await mkdir10(request.runDir, { recursive: true });
  await writeFile11(reportFile, report);
  const stopped = reports.some((model) => model.lineage === null);
  return { report, reportFile, models: reports, exitCode: stopped ? 1 : 0 };
}

// src/cli/commands/run.ts
function registerRun(program2, io, setExit) {
  program2.command("run").description("Run the whole pipeline locally: validate, train, evaluate, compare with the champion, check drift, register and promote in the local registry.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").option("-m, --model <name>", "run only this model (repeatable)", (value2, previous) => [...previous, value2], []).option("-o, --out <dir>", "the run folder (default: <project>/.trainyard/runs/<time>)").action(async (options) => {
    const project = await openProject(io, options.config);
    const runDir = options.out ? path33.resolve(io.cwd, options.out) : path33.join(project.loaded.root, ".trainyard", "runs", runId(io.now()));
    const outcome = await runPipeline({ ...project, models: options.model, runDir, env: io.env, echo: io.stderr });
    io.stdout(`
${outcome.report}
Report written to ${path33.relative(io.cwd, outcome.reportFile)}
`);
    setExit(outcome.exitCode);
  });
}

// src/cli/commands/runner.ts
import { readFile as readFile13 } from "node:fs/promises";
import path34 from "node:path";

// src/runner/app-jwt.ts
import { createPrivateKey, createSign } from "node:crypto";
var base64url = (value2) => Buffer.from(value2).toString("base64url");
function createAppJwt(options) {
  let key;
  try {
    key = createPrivateKey(options.privateKeyPem);
  } catch (error) {
    throw new UsageError(`the GitHub App private key cannot be read (${error.message.split("\n")[0]}); expected the PEM file GitHub generated for the App`);
  }
  const seconds = Math.floor(options.now.getTime() / 1e3);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ iat: seconds - 60, exp: seconds + 540, iss: options.appId }));
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

// src/runner/github-request.ts
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : null;
}

// src/runner/fork-guard.ts
var DEFAULT_SAFE_LABEL = "trainyard:safe-to-train";
var WRITE = ["admin", "maintain", "write"];
var PR_EVENTS = ["pull_request", "pull_request_target", "pull_request_review"];
async function decideForkGuard(options) {
  const { event, label } = options;
  const pr = event.payload.pull_request;
  if (!PR_EVENTS.includes(event.name) || !pr) return { allowed: true, reason: `a ${event.name} event runs the repository's own code` };
  const base = pr.base?.repo?.full_name ?? event.payload.repository?.full_name ?? "";
  const head = pr.head?.repo?.full_name ?? null;
  if (head === base) return { allowed: true, reason: `pull request #${pr.number} comes from ${base} itself, not a fork` };
  if (options.runnerEnvironment === "github-hosted") return { allowed: true, reason: "the runner is GitHub-hosted and discarded after the job" };
  const from = head ?? "a deleted fork";
  if (event.payload.action !== "labeled" || event.payload.label?.name !== label) {
    const why = event.payload.action === "synchronize" ? "new commits were pushed, so an earlier review no longer covers them" : `this "${event.payload.action ?? event.name}" event is not the label "${label}" being applied`;
    return { allowed: false, reason: `pull request #${pr.number} comes from the fork ${from} and ${why}; a maintainer with write access must review the code and apply "${label}" after the last push` };
  }
  const sender = event.payload.sender?.login ?? "";
  if (!options.request) return { allowed: false, reason: `cannot check that ${sender} may approve fork code: no token to read permissions (pass github-token)` };
  const [owner, repo] = base.split("/");
  let permission;
  try {
    const answer = await options.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { owner, repo, username: sender });
    permission = answer.data.permission ?? "none";
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404) return { allowed: false, reason: `cannot read ${sender}'s permission on ${base} (HTTP ${status ?? "error"}); refusing fork code` };
    permission = "none";
  }
  if (!WRITE.includes(permission)) return { allowed: false, reason: `"${label}" was applied by ${sender}, whose permission on ${base} is ${permission}; only write, maintain or admin can approve fork code` };
  return { allowed: true, reason: `${sender} (${permission}) applied "${label}" to pull request #${pr.number} from ${from} after its last push` };
}

// src/runner/jit.ts
var RunnerRegistrationError = class extends TrainyardError {
  status;
  constructor(message, status) {
    super(message, { exitCode: 1 });
    this.status = status;
  }
};
var where = (scope) => scope.kind === "repo" ? `${scope.owner}/${scope.repo}` : `the organisation ${scope.org}`;
function plannedRequests(request) {
  const base = request.scope.kind === "repo" ? `/repos/${request.scope.owner}/${request.scope.repo}` : `/orgs/${request.scope.org}`;
  return [`GET ${base}/installation`, "POST /app/installations/{installation_id}/access_tokens", `POST ${base}/actions/runners/generate-jitconfig ${JSON.stringify(jitBody(request))}`];
}
function jitBody(request) {
  return { name: request.name, runner_group_id: request.runnerGroupId, labels: request.labels, work_folder: request.workFolder };
}
async function step(what, call2, explain) {
  try {
    return await call2();
  } catch (error) {
    const status = statusOf(error);
    throw new RunnerRegistrationError(`${what} failed${status ? ` (HTTP ${status})` : ""}: ${explain(status)}`, status);
  }
}
async function mintJitConfig(options) {
  const { request, appJwt, jit } = options;
  const { scope } = jit;
  const asApp = { headers: { authorization: `bearer ${appJwt}` } };
  const installation = await step(
    `finding the App's installation on ${where(scope)}`,
    () => scope.kind === "repo" ? request("GET /repos/{owner}/{repo}/installation", { owner: scope.owner, repo: scope.repo, ...asApp }) : request("GET /orgs/{org}/installation", { org: scope.org, ...asApp }),
    (status) => status === 404 ? `the App is not installed on ${where(scope)}; install it there` : status === 401 ? "the App id or private key is wrong (GitHub rejected the JWT)" : "GitHub did not answer as expected"
  );
  const installationId = installation.data.id;
  const token = await step(
    "creating an installation token",
    () => request("POST /app/installations/{installation_id}/access_tokens", { installation_id: installationId, ...asApp }),
    () => "the App could not get a token for its installation"
  );
  const asInstallation = { headers: { authorization: `token ${token.data.token}` } };
  const body = jitBody(jit);
  const minted = await step(
    `generating a JIT runner config for ${where(scope)}`,
    () => scope.kind === "repo" ? request("POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig", { owner: scope.owner, repo: scope.repo, ...body, ...asInstallation }) : request("POST /orgs/{org}/actions/runners/generate-jitconfig", { org: scope.org, ...body, ...asInstallation }),
    (status) => status === 403 ? `the App needs the ${scope.kind === "repo" ? '"Administration: read and write" repository' : '"Self-hosted runners: read and write" organisation'} permission` : status === 409 ? `a runner named "${jit.name}" already exists; choose another --name` : status === 404 ? `runner group ${jit.runnerGroupId} does not exist` : "GitHub did not answer as expected"
  );
  const data = minted.data;
  return { runnerId: data.runner.id, runnerName: data.runner.name, encodedJitConfig: data.encoded_jit_config };
}

// src/cli/commands/runner.ts
function github(io, token) {
  const octokit = octokitFor(io, token);
  return (route, params) => octokit.request(route, params);
}
function parseScope(options) {
  if (options.repo && options.org) throw new UsageError("--repo and --org: give one; a runner belongs to a repository or an organisation");
  if (options.org) return { kind: "org", org: options.org };
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo ?? "");
  if (!match) throw new UsageError(`--repo "${options.repo ?? ""}": expected owner/repo (or --org <org>)`);
  return { kind: "repo", owner: match[1], repo: match[2] };
}
function parseJit(options, io) {
  const labels2 = options.labels.split(",").map((label) => label.trim()).filter(Boolean);
  if (labels2.length === 0) throw new UsageError("--labels: expected a comma-separated list such as self-hosted,gpu");
  const runnerGroupId = Number(options.runnerGroupId);
  if (!Number.isInteger(runnerGroupId) || runnerGroupId < 1) throw new UsageError(`--runner-group-id "${options.runnerGroupId}": expected a positive integer (1 is the Default group)`);
  const name = options.name ?? `${io.env.HOSTNAME ?? "trainyard-gpu"}-${io.now().getTime().toString(36)}`;
  return { scope: parseScope(options), name, labels: labels2, runnerGroupId, workFolder: options.workFolder };
}
async function appCredentials(options, io) {
  const appId = options.appId ?? io.env.GITHUB_APP_ID;
  if (!appId) throw new UsageError("no GitHub App id: pass --app-id or set GITHUB_APP_ID");
  if (options.privateKey) {
    const file = path34.resolve(io.cwd, options.privateKey);
    const pem2 = await readFile13(file, "utf8").catch((error) => {
      throw new UsageError(`--private-key ${options.privateKey}: cannot read it (${error.code}); expected the App's PEM file`);
    });
    return { appId, privateKeyPem: pem2 };
  }
  const pem = io.env.GITHUB_APP_PRIVATE_KEY;
  if (!pem) throw new UsageError("no GitHub App private key: pass --private-key <file> or set GITHUB_APP_PRIVATE_KEY");
  return { appId, privateKeyPem: pem.replace(/\\n/g, "\n") };
}
async function readEvent(io, options) {
  const file = options.event ?? io.env.GITHUB_EVENT_PATH;
  const name = options.eventName ?? io.env.GITHUB_EVENT_NAME;
  if (!file || !name) throw new UsageError("no workflow event: pass --event <file> and --event-name <name> (GITHUB_EVENT_PATH and GITHUB_EVENT_NAME inside Actions)");
  const text = await readFile13(path34.resolve(io.cwd, file), "utf8").catch((error) => {
    throw new UsageError(`--event ${file}: cannot read it (${error.code}); expected the workflow event JSON`);
  });
  try {
    return { name, payload: JSON.parse(text) };
  } catch {
    throw new UsageError(`--event ${file}: not JSON; expected the workflow event payload`);
  }
}
function registerRunner(program2, io, setExit) {
  const runner = program2.command("runner").description("Self-hosted GPU runners: just-in-time registration and the fork rule.");
  runner.command("jitconfig").alias("jit").description("Mint a just-in-time runner config with the GitHub App (no personal token); prints the encoded config for `run.sh --jitconfig`.").option("--repo <owner/repo>", "register the runner on this repository").option("--org <org>", "register the runner on this organisation instead").option("--labels <list>", "comma-separated runner labels", "self-hosted,gpu").option("--name <name>", "the runner name (default: $HOSTNAME and a time stamp)").option("--runner-group-id <id>", "the runner group", "1").option("--work-folder <dir>", "the runner's work folder", "_work").option("--app-id <id>", "the GitHub App id (default: $GITHUB_APP_ID)").option("--private-key <file>", "the App's PEM private key (default: $GITHUB_APP_PRIVATE_KEY)").option("--json", "print runner id, name and config as JSON").option("--dry-run", "print the requests it would make, and make none").action(async (options) => {
    const jit = parseJit(options, io);
    if (options.dryRun) {
      io.stdout(plannedRequests(jit).map((line) => `[dry-run] would ${line}
`).join(""));
      setExit(0);
      return;
    }
    const { appId, privateKeyPem } = await appCredentials(options, io);
    const config = await mintJitConfig({ request: github(io), appJwt: createAppJwt({ appId, privateKeyPem, now: io.now() }), jit });
    io.stdout(options.json ? `${JSON.stringify(config)}
` : `${config.encodedJitConfig}
`);
    io.stderr(`trainyard: runner ${config.runnerName} (id ${config.runnerId}) registered just in time with labels ${jit.labels.join(",")}
`);
    setExit(0);
  });
  runner.command("guard").description("Refuse a fork pull request's code on a self-hosted runner unless a maintainer applied the label after the last push (exit 1).").option("--event <file>", "the workflow event JSON (default: $GITHUB_EVENT_PATH)").option("--event-name <name>", "the event name (default: $GITHUB_EVENT_NAME)").option("--label <name>", "the label a maintainer applies", DEFAULT_SAFE_LABEL).action(async (options) => {
    const event = await readEvent(io, options);
    const token = io.env.GITHUB_TOKEN;
    const decision = await decideForkGuard({ event, label: options.label, runnerEnvironment: io.env.RUNNER_ENVIRONMENT, request: token ? github(io, token) : null });
    if (decision.allowed) {
      io.stdout(`trainyard: allowed: ${decision.reason}
`);
      setExit(0);
      return;
    }
    if (io.env.GITHUB_ACTIONS === "true") io.stdout(`::error title=trainyard: fork code refused::${decision.reason}
`);
    io.stderr(`trainyard: refused: ${decision.reason}
`);
    setExit(1);
  });
}

// src/cli/sandbox-loader.ts
import { existsSync as existsSync2 } from "node:fs";
import path35 from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
var ENTRY = path35.join("app", "sandbox", "api.ts");
var SIMULATOR = path35.join("test", "sim", "index.ts");
var ADVICE = "run it from a checkout of trainyard with its dev dependencies installed: npm run sandbox, or npx tsx src/cli/bin.ts sandbox --scenario lifecycle";
function findCheckout(from) {
  for (let dir = path35.resolve(from); ; dir = path35.dirname(dir)) {
    if (existsSync2(path35.join(dir, ENTRY)) && existsSync2(path35.join(dir, SIMULATOR))) return dir;
    if (path35.dirname(dir) === dir) return null;
  }
}
async function loadSandbox(from = path35.dirname(fileURLToPath(import.meta.url))) {
  const root = findCheckout(from);
  if (!root) throw new UsageError(`sandbox: the GitHub simulator is not part of this installation; ${ADVICE}`);
  const specifier = pathToFileURL(path35.join(root, ENTRY)).href;
  try {
    return await import(specifier);
  } catch (error) {
    const code = error.code ?? error.message;
    throw new UsageError(`sandbox: cannot load ${path35.join(root, ENTRY)} (${code}); ${ADVICE}`);
  }
}

// src/cli/commands/sandbox.ts
var SCENARIOS = ["lifecycle"];
function rate(value2) {
  const parsed = Number(value2);
  if (value2.trim() === "" || !(parsed >= 0 && parsed < 1)) throw new InvalidArgumentError(`expected a share of requests in [0, 1), got ${value2}`);
  return parsed;
}
function seed(value2) {
  if (!/^\d{1,9}$/.test(value2)) throw new InvalidArgumentError(`expected a non-negative integer, got ${value2}`);
  return Number(value2);
}
function registerSandbox(program2, io, setExit) {
  program2.command("sandbox").description("Play a model's whole life against a simulated GitHub with the real App (from a checkout of trainyard); exit 0 passed, 1 a step failed, 2 bad input.").requiredOption("--scenario <name>", `the scenario to play: ${SCENARIOS.join(", ")}`).option("--faults <rate>", "share of the App's API requests that fail with 502", rate, 0).option("--seed <n>", "seed of the fault sequence", seed, 1).option("--json", "print the report as one line of JSON").action(async (options) => {
    if (!SCENARIOS.includes(options.scenario)) throw new UsageError(`sandbox: --scenario ${options.scenario}: expected ${SCENARIOS.join(" or ")}`);
    const sandbox = await loadSandbox();
    try {
      const report = await sandbox.runLifecycle({ faults: options.faults, seed: options.seed });
      io.stdout(options.json ? `${JSON.stringify(report)}
` : `${sandbox.summarise(report)}
`);
    } catch (error) {
      if (!(error instanceof sandbox.LifecycleError)) throw error;
      io.stderr(`trainyard sandbox: ${error.message}
`);
      setExit(1);
    }
  });
}

// src/cli/commands/schema.ts
import path37 from "node:path";

// src/validate/write-output.ts
import { rename as rename5, stat as stat9, writeFile as writeFile12 } from "node:fs/promises";
import path36 from "node:path";
async function checkOutputFolder(file, shownAs) {
  const folder = await stat9(path36.dirname(file)).catch(() => void 0);
  if (!folder?.isDirectory()) throw new UsageError(`${shownAs}: the folder ${path36.dirname(shownAs) || "."} does not exist; expected a path in an existing folder`);
}
async function writeWhole(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile12(temporary, text);
  await rename5(temporary, file);
}

// src/cli/commands/schema.ts
function registerSchema(program2, io, setExit) {
  const schema = program2.command("schema").description("Work with data schemas.");
  schema.command("infer").description("Infer a data schema (types, nullability, ranges, small domains, uniqueness) from data.").requiredOption("-d, --data <file|glob>", "the data to learn from").option("-o, --out <schema.yml>", "write the schema to this file instead of printing it").action(async (options) => {
    const out = options.out ? path37.resolve(io.cwd, options.out) : void 0;
    if (out) await checkOutputFolder(out, options.out);
    const source = await resolveSource(options.data, io.cwd);
    const engine = await DataEngine.open();
    try {
      const yaml = renderSchemaYaml(await inferSchema(engine, source), source.display);
      if (out) {
        await writeWhole(out, yaml);
        io.stdout(`Schema written to ${options.out}
`);
      } else io.stdout(yaml);
      setExit(0);
    } finally {
      engine.close();
    }
  });
}

// src/cli/commands/train.ts
import { appendFile as appendFile2 } from "node:fs/promises";
import path38 from "node:path";

// src/report/preflight-summary.ts
function renderPreflight(report) {
  const inventory = report.inventory;
  const found = inventory ? `driver ${inventory.driverVersion ?? "unknown"}, CUDA ${inventory.cudaVersion ?? "unknown"}, ${report.visible.length} of ${inventory.devices.length} GPU(s) visible` : "no answer from nvidia-smi";
  const need = `${report.requirement.gpus} GPU(s)${report.requirement.minFreeMemoryMb === null ? "" : ` with ${report.requirement.minFreeMemoryMb} MiB free each`}`;
  const lines = [`### GPU preflight: ${report.ok ? "passed" : "failed"}`, "", `Needed ${need}; found ${found}.`];
  if (report.visible.length > 0) {
    lines.push("", "| GPU | model | free / total memory (MiB) | utilisation (%) | temperature (\xB0C) |", "| ---: | --- | ---: | ---: | ---: |");
    for (const device of report.visible) {
      lines.push(`| ${device.index} | ${device.name} | ${device.memoryFreeMb ?? "\u2013"} / ${device.memoryTotalMb ?? "\u2013"} | ${device.utilizationPct ?? "\u2013"} | ${device.temperatureC ?? "\u2013"} |`);
    }
  }
  if (report.problem) {
    lines.push("", `> [!CAUTION]`, `> **${report.problem.diagnosis}**`, ">", `> Fix: ${report.problem.fix}`);
  }
  return `${lines.join("\n")}
`;
}

// src/report/telemetry-chart.ts
var fixed = (value2, digits = 0) => value2 === null ? "\u2013" : value2.toFixed(digits);
function renderTelemetryChart(series) {
  if (series.length < 2) return "";
  const x = series.map((point) => point.t.toFixed(1)).join(", ");
  const y = series.map((point) => point.utilizationPct.toFixed(1)).join(", ");
  return ["```mermaid", "xychart-beta", '  title "GPU utilisation during training"', `  x-axis "seconds" [${x}]`, '  y-axis "utilisation (%)" 0 --> 100', `  line [${y}]`, "```"].join("\n");
}
function renderTelemetryTable(summary) {
  const rows = summary.gpus.map((gpu) => `| ${gpu.gpu} | ${gpu.samples} | ${fixed(gpu.meanUtilizationPct, 1)} | ${fixed(gpu.peakUtilizationPct)} | ${fixed(gpu.peakMemoryUsedMb)} / ${fixed(gpu.memoryTotalMb)} | ${fixed(gpu.peakPowerW, 1)} | ${gpu.energyWh.toFixed(3)} | ${fixed(gpu.peakTemperatureC)} |`);
  return [
    "| GPU | samples | mean util (%) | peak util (%) | peak memory (MiB) | peak power (W) | energy (Wh) | peak temp (\xB0C) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows
  ].join("\n");
}
function renderTelemetrySection(summary, series) {
  const head = `### GPU telemetry

${summary.samples} samples every ${summary.intervalMs} ms over ${formatSeconds(summary.durationSeconds)}.`;
  if (summary.samples === 0) return `${head} nvidia-smi reported nothing while the command ran.
`;
  const chart2 = renderTelemetryChart(series);
  const points = series.map((point) => `| ${point.t.toFixed(1)} | ${point.utilizationPct.toFixed(1)} | ${point.memoryUsedMb.toFixed(0)} |`);
  const detail = ["<details><summary>Chart data</summary>", "", "| seconds | utilisation (%) | memory used (MiB) |", "| ---: | ---: | ---: |", ...points, "", "</details>"].join("\n");
  return [head, renderTelemetryTable(summary), chart2, detail].filter(Boolean).join("\n\n") + "\n";
}

// src/report/train-summary.ts
function renderTrainSummary(input) {
  const { lineage: lineage2 } = input;
  const status = input.error ? "\u274C failed" : "\u2705 trained";
  const parts = [`## trainyard train: ${input.model} ${status}`];
  if (input.error) parts.push(`\`\`\`
${input.error}
\`\`\``);
  if (lineage2) {
    const gpu = lineage2.gpu ? `${lineage2.gpu.count} \xD7 ${lineage2.gpu.model ?? "GPU"} (driver ${lineage2.gpu.driver ?? "?"}, CUDA ${lineage2.gpu.cuda ?? "?"})` : "none";
    parts.push([
      "| | |",
      "| --- | --- |",
      `| command | \`${lineage2.command.replace(/\|/g, "\\|")}\` |`,
      `| exit status | ${lineage2.exitStatus}${lineage2.signal ? ` (${lineage2.signal})` : ""}${lineage2.timedOut ? ", timed out" : ""} |`,
      `| duration | ${formatSeconds(lineage2.durationSeconds)} |`,
      `| runner | ${lineage2.runner.name ?? "local"}${lineage2.runner.labels.length ? ` [${lineage2.runner.labels.join(", ")}]` : ""} |`,
      `| GPU | ${gpu} |`,
      `| commit | ${lineage2.commit ?? "unknown"}${lineage2.dirty ? " (dirty)" : ""} |`
    ].join("\n"));
  }
  if (input.preflight) parts.push(renderPreflight(input.preflight).trimEnd());
  if (input.telemetry) parts.push(renderTelemetrySection(input.telemetry.summary, input.telemetry.series).trimEnd());
  return `${parts.join("\n\n")}
`;
}

// src/cli/commands/train.ts
async function setOutputs(io, outputs) {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  await appendFile2(file, Object.entries(outputs).map(([key, value2]) => `${key}=${value2}
`).join(""));
}
function registerTrain(program2, io, setExit) {
  program2.command("train").description("Run a model's training command with the trainyard environment: GPU preflight and telemetry when the config asks for GPUs, lineage.json beside its outputs.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").option("-m, --model <name>", "the model to train (required when the config has several)").option("--command <command>", "run this instead of training.command").option("-o, --out <dir>", "the output folder, TRAINYARD_OUTPUT_DIR (default: <project>/.trainyard/runs/<time>/<model>)").option("--summary <file>", "append a Markdown job summary here (default: $GITHUB_STEP_SUMMARY when set)").action(async (options) => {
    const project = await openProject(io, options.config);
    const configured = Object.keys(project.loaded.config.models);
    if (!options.model && configured.length > 1) throw new UsageError(`the config has several models (${configured.join(", ")}); choose one with --model`);
    const [name] = selectModels(configured, options.model ? [options.model] : configured);
    const model = project.loaded.config.models[name];
    const outputDir = options.out ? path38.resolve(io.cwd, options.out) : path38.join(project.loaded.root, ".trainyard", "runs", runId(io.now()), name);
    const summaryFile = options.summary ? path38.resolve(io.cwd, options.summary) : io.env.GITHUB_STEP_SUMMARY;
    const writeSummary = async (input) => {
      if (summaryFile) await appendFile2(summaryFile, renderTrainSummary(input));
    };
    await setOutputs(io, { model: name, "output-dir": outputDir });
    try {
      const result = await trainModel({
        name,
        model,
        root: project.loaded.root,
        outputDir,
        configSha256: project.configSha256,
        ...options.command ? { command: options.command } : {},
        env: io.env,
        system: project.system,
        versions: project.versions,
        echo: io.stdout,
        gpuTool: processNvidiaSmi({ env: io.env, ...io.env.TRAINYARD_NVIDIA_SMI ? { binary: io.env.TRAINYARD_NVIDIA_SMI } : {} })
      });
      await writeSummary({ model: name, lineage: result.lineage, preflight: result.preflight, telemetry: result.telemetry, error: null });
      await setOutputs(io, { "exit-code": "0" });
      io.stderr(`trainyard: ${name} trained in ${result.lineage.durationSeconds} s; outputs in ${path38.relative(io.cwd, outputDir) || "."}
`);
      setExit(0);
    } catch (error) {
      const message = describeThrown(error);
      if (error instanceof PreflightError) await writeSummary({ model: name, lineage: null, preflight: error.report, telemetry: null, error: message });
      if (error instanceof TrainingFailedError) await writeSummary({ model: name, lineage: error.record.lineage, preflight: error.record.preflight, telemetry: error.record.telemetry, error: message });
      await setOutputs(io, { "exit-code": String(error instanceof TrainingFailedError || error instanceof PreflightError ? error.exitCode : 1) });
      if (io.env.GITHUB_ACTIONS === "true") io.stdout(`::error title=trainyard train ${name}::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}
`);
      throw error;
    }
  });
}

// src/cli/commands/validate.ts
import path39 from "node:path";
function registerValidate(program2, io, setExit) {
  program2.command("validate").description("Check data against a schema; exit 0 when valid, 1 when a check fails, 2 on bad input.").requiredOption("-d, --data <file|glob>", "the data: a file, a directory or a glob of shards (CSV, TSV, Parquet, JSON, JSON Lines)").requiredOption("-s, --schema <file>", "the data schema (YAML)").option("--json", "print the result as JSON").option("-r, --report <file.md>", "also write a Markdown report to this file").option("--annotations", "print GitHub annotations on the schema line of each failed check").action(async (options) => {
    const report = options.report ? path39.resolve(io.cwd, options.report) : void 0;
    if (report) await checkOutputFolder(report, options.report);
    const schema = await loadDataSchema(path39.resolve(io.cwd, options.schema), options.schema);
    const source = await resolveSource(options.data, io.cwd);
    const engine = await DataEngine.open();
    try {
      const result = await validateData({ engine, source, schema, root: io.cwd });
      if (report) await writeWhole(report, renderMarkdown(result));
      io.stdout(options.json ? `${JSON.stringify(result, null, 2)}
` : renderText(result));
      if (options.annotations) io.stdout(renderAnnotations(result));
      setExit(result.valid ? 0 : 1);
    } finally {
      engine.close();
    }
  });
}

// src/cli/main.ts
function buildProgram(io, setExit) {
  const program2 = new Command("trainyard").description("trainyard: an ML platform in your GitHub repository.").version(VERSION, "-V, --version").showHelpAfterError("(run with --help for usage)").configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
  registerRun(program2, io, setExit);
  registerTrain(program2, io, setExit);
  registerConfig(program2, io, setExit);
  registerInit(program2, io, setExit);
  registerRunner(program2, io, setExit);
  registerRegistry(program2, io, setExit);
  registerDeploy(program2, io, setExit);
  registerDrift(program2, io, setExit);
  registerProfile(program2, io, setExit);
  registerValidate(program2, io, setExit);
  registerSchema(program2, io, setExit);
  registerEvaluate(program2, io, setExit);
  registerCompare(program2, io, setExit);
  registerSandbox(program2, io, setExit);
  for (const command of program2.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program2;
}
async function main(argv, io) {
  let exitCode = 0;
  const program2 = buildProgram(io, (code) => exitCode = code);
  try {
    await program2.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
      if (done) return 0;
      return error.code === "commander.executeSubCommandAsync" ? 0 : 2;
    }
    if (error instanceof TrainyardError) {
      io.stderr(`trainyard: ${error.message}
`);
      return error.exitCode;
    }
    io.stderr(`trainyard: internal error: ${describeThrown(error)} (set TRAINYARD_DEBUG=1 for details)
`);
    if (io.env.TRAINYARD_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}
`);
    return 1;
  }
}

// src/cli/io.ts
async function askAtTerminal(question, fallback) {
  const { createInterface } = await import("node:readline/promises");
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await terminal.question(fallback ? `${question} [${fallback}]: ` : `${question}: `);
    return answer.trim() || fallback;
  } finally {
    terminal.close();
  }
}
function processIo() {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => /* @__PURE__ */ new Date(),
    ...process.stdin.isTTY && process.stdout.isTTY ? { ask: askAtTerminal } : {}
  };
}

export {
  main,
  processIo
};
