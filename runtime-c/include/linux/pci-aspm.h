/* accepted; nothing from here is provided */
