// The ribbon's pages whose work lands in later versions: say what they will do, nothing more.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function ComingPage({ title, body }: { title: string; body: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}
