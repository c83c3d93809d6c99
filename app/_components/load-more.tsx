"use client";

import { Button, Flex } from "antd";

type NextPage = {
  fetchNextPage: () => Promise<unknown>;
  isFetchingNextPage: boolean;
  isPlaceholderData: boolean;
};

// "加载更多" under a keyset-paged list; while a new filter's first page is still loading the old
// rows stay on screen as placeholders, and paging on from them would mix two filters.
export function LoadMore({ list }: { list: NextPage }) {
  return (
    <Flex justify="center">
      <Button
        onClick={() => void list.fetchNextPage()}
        loading={list.isFetchingNextPage}
        disabled={list.isPlaceholderData}
      >
        加载更多
      </Button>
    </Flex>
  );
}
